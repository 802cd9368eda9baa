"""The committed taxonomy and samples are exactly what the generators make from the catalogue."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.synthetic.samples import sample_files
from mbo_xbrl.taxonomy.generate.package import expected_outputs, stale
from mbo_xbrl.taxonomy.releases import CURRENT, RELEASES

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "taxonomy"


def test_committed_taxonomy_of_every_release_is_not_stale() -> None:
    assert len(RELEASES) >= 2
    for release in RELEASES.values():
        outputs = expected_outputs(release.catalogue, release)
        assert stale(TAXONOMY, outputs, release.package_name) == [], \
            f"regenerate with: python -m mbo_xbrl.taxonomy.generate ({release.package_name})"
    packages = {p.name for p in TAXONOMY.iterdir()}
    assert packages == {name for r in RELEASES.values() for name in (r.package_name, f"{r.package_name}.zip")}


def test_staleness_check_notices_an_edited_and_an_extra_file(tmp_path: Path) -> None:
    copy = tmp_path / "taxonomy"
    shutil.copytree(TAXONOMY, copy)
    label_file = next((copy / CURRENT.package_name).rglob("mbo-data-lab-nl.xml"))
    label_file.write_text(label_file.read_text("utf-8").replace("Naam instelling", "Naam school"), "utf-8")
    (copy / CURRENT.package_name / "stray.xml").write_text("<x/>")
    problems = stale(copy, expected_outputs(load_catalogue(), CURRENT), CURRENT.package_name)
    assert any(p.endswith("mbo-data-lab-nl.xml") for p in problems)
    assert any("stray.xml" in p for p in problems)


def test_generation_is_byte_stable() -> None:
    first = expected_outputs(load_catalogue(), CURRENT)
    second = expected_outputs(load_catalogue(), CURRENT)
    assert first == second


def test_package_zip_of_every_release_has_one_top_folder_with_meta_inf() -> None:
    for release in RELEASES.values():
        with zipfile.ZipFile(TAXONOMY / f"{release.package_name}.zip") as archive:
            tops = {name.split("/")[0] for name in archive.namelist()}
            assert tops == {release.package_name}
            assert f"{release.package_name}/META-INF/taxonomyPackage.xml" in archive.namelist()
            assert f"{release.package_name}/META-INF/catalog.xml" in archive.namelist()
            assert f"{release.package_name}/{release.host}/{release.year}/{release.entry_point_path}" in archive.namelist()


def test_committed_samples_are_not_stale() -> None:
    for name, data in sample_files().items():
        assert (ROOT / "samples" / "valid" / name).read_bytes() == data, \
            f"regenerate with: python -m mbo_xbrl.synthetic.samples ({name})"


def test_generated_docs_are_not_stale() -> None:
    from mbo_xbrl.docgen import pages

    for name, text in pages().items():
        assert (ROOT / "docs" / name).read_text("utf-8") == text, f"regenerate with: python -m mbo_xbrl.docgen ({name})"


def test_prefill_docs_example_is_taken_from_the_sample_register() -> None:
    text = (ROOT / "docs" / "prefill.md").read_text("utf-8")
    example = text.split("```csv\n", 1)[1].split("```", 1)[0].splitlines()
    register = (ROOT / "samples" / "prefill-register.csv").read_text("utf-8").splitlines()
    assert len(example) >= 3 and all(line in register for line in example)


def test_committed_view_of_every_release_is_what_arelle_compiles_from_its_package(processor) -> None:
    """The fast path's view of each release is compiled from Arelle's DTS of exactly the committed package."""
    from mbo_xbrl.taxonomy.compile import compile_view, view_bytes
    from mbo_xbrl.taxonomy.view import load_views, view_path

    for release in RELEASES.values():
        for entry_point in release.entry_points:  # the funded and the non-funded form
            assert view_path(release, entry_point).read_bytes() == view_bytes(
                compile_view(processor, release, entry_point)), \
                f"recompile with: python -m mbo_xbrl.taxonomy.compile ({entry_point.name})"
    assert sorted(load_views()) == sorted(ep.url for r in RELEASES.values() for ep in r.entry_points)


def test_a_view_for_another_package_is_not_used(tmp_path: Path, monkeypatch) -> None:
    """A view whose package hash does not match is ignored: every filing then goes to Arelle."""
    import json

    from mbo_xbrl.taxonomy import view as view_module

    data = json.loads(view_module.view_path().read_text("utf-8"))
    data["package_sha256"] = "0" * 64
    (tmp_path / view_module.view_path().name).write_text(json.dumps(data), "utf-8")
    monkeypatch.setattr(view_module, "VIEWS", tmp_path)
    view_module.load_view.cache_clear()
    try:
        assert view_module.load_view() is None
    finally:
        view_module.load_view.cache_clear()

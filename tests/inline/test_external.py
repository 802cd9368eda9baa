"""Inline XBRL of other reporting regimes (KvK annual reports, Companies House accounts): a clear answer each."""

from __future__ import annotations

import io
import zipfile

from tests.conftest import require_external

REGIMES = ("uk-companies-house-ixbrl", "sbr-nl-kvk-ixbrl-examples-2023")


def test_every_external_inline_document_and_package_gets_one_clear_finding(engine) -> None:
    external = require_external()
    documents = sorted(p for regime in REGIMES for p in (external / regime).rglob("*")
                       if p.suffix in (".html", ".xhtml"))
    packages = {}
    for folder in sorted(p for p in (external / "sbr-nl-kvk-ixbrl-examples-2023").iterdir() if p.is_dir()):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    package.write(file, f"{folder.name}/{file.relative_to(folder)}")
        packages[folder.name + ".zip"] = buffer.getvalue()
    assert len(documents) >= 18 and len(packages) == 6
    answers = {}
    for path in documents:
        report = engine.check(path)
        answers[path.name] = report
    for name, data in packages.items():
        answers[name] = engine.check_bytes(data, name)
    for name, report in answers.items():
        assert report.problems == [] and not report.valid, name
        assert len(report.findings) == 1 and report.stopped_at in ("file", "form"), name
        assert report.findings[0].message_nl and report.findings[0].fix_nl, name
    codes = {name: (r.findings[0].code, r.findings[0].args.get("problem")) for name, r in answers.items()}
    # a schemaRef to another taxonomy: "not a known entry point", naming it
    assert codes["account_6.xhtml"] == ("MBO-S003", "unknown_entry_point")
    assert "frc.org.uk" in answers["account_6.xhtml"].findings[0].message_en
    assert codes["groot-nl-jaarrekening-2023.zip"] == ("MBO-S003", "unknown_entry_point")
    # an XHTML page without Inline XBRL, and a package with two reports
    assert codes["beispielgmbh-jahresabschluss-de-2023-12-31.html"] == ("MBO-S002", None)
    assert codes["jaarrekening-de-other-gaap-2023.zip"] == ("MBO-S001", "package_several")
    assert {code for code, _ in codes.values()} == {"MBO-S001", "MBO-S002", "MBO-S003"}

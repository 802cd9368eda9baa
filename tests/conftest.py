"""Shared fixtures: one offline Arelle processor per test session, and facts read from the DTS."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.engine import Engine
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.synthetic.samples import delta, veen
from mbo_xbrl.taxonomy.processor import XbrlProcessor

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "valid"
VALID_SAMPLES = sorted(SAMPLES.glob("*.xbrl"))


@pytest.fixture(scope="session")
def processor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XbrlProcessor]:
    p = XbrlProcessor(home=tmp_path_factory.mktemp("arelle-home"))
    yield p
    p.close()


@pytest.fixture(scope="session")
def engine(processor: XbrlProcessor) -> Engine:
    return Engine(processor)


def break_sample(text: str, concept: str, context: str) -> str:
    """The sample with the first fact of `concept` moved to `context` (to make it invalid)."""
    changed, n = re.subn(rf'(<{concept} contextRef=")[^"]+', rf"\g<1>{context}", text, count=1)
    assert n == 1, f"{concept} not found in the sample"
    return changed


@pytest.fixture(scope="session")
def dts(processor: XbrlProcessor) -> dict:
    """Every concept of our taxonomy as Arelle reads it: kind and labels by (role, lang)."""
    from arelle import XbrlConst

    from mbo_xbrl.taxonomy.releases import CURRENT

    concepts: dict[str, dict] = {}
    with processor.validated(CURRENT.entry_point_url) as (model, messages):
        assert model is not None and model.modelDocument is not None, messages
        label_rels = model.relationshipSet(XbrlConst.conceptLabel)
        for qname, concept in model.qnameConcepts.items():
            if not str(qname.namespaceURI).startswith(CURRENT.base_url):
                continue
            group = concept.substitutionGroupQname
            if group is not None and group.clarkNotation == "{http://www.xbrl.org/2003/XLink}resource":
                continue  # the section-order resource element, not a concept
            labels = {}
            for rel in label_rels.fromModelObject(concept):
                resource = rel.toModelObject
                labels[(resource.role, resource.xmlLang)] = resource.textValue
            concepts[qname.clarkNotation] = {
                "local": qname.localName,
                "namespace": qname.namespaceURI,
                "abstract": concept.isAbstract,
                "is_item": concept.isItem,
                "is_dimension": concept.isDimensionItem,
                "is_hypercube": concept.isHypercubeItem,
                "labels": labels,
            }
        errors = [m for m in messages if m.level != "info"]
    return {"concepts": concepts, "messages": errors}


@pytest.fixture(scope="session")
def sample_usage(processor: XbrlProcessor) -> dict[str, dict]:
    """Per valid sample: the concepts, axes and members its facts use."""
    usage = {}
    for path in VALID_SAMPLES:
        with processor.validated(path) as (model, messages):
            concepts, axes, members, typed = set(), set(), set(), set()
            for fact in model.facts:
                concepts.add(fact.qname.clarkNotation)
                for dim_qname, value in fact.context.qnameDims.items():
                    axes.add(dim_qname.clarkNotation)
                    if value.isExplicit:
                        members.add(value.memberQname.clarkNotation)
                    else:
                        typed.add(value.typedMember.stringValue)
            usage[path.name] = {"concepts": concepts, "axes": axes, "members": members, "typed": typed,
                                "messages": [m for m in messages if m.level != "info"]}
    return usage


SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "external"


def require_external() -> Path:
    """../shared/external beside the checkout: always there in CI; a developer without it skips."""
    if not EXTERNAL.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{EXTERNAL} is missing: CI must run with shared/ beside the checkout")
        pytest.skip(f"{EXTERNAL} is not beside this checkout")
    return EXTERNAL


@pytest.fixture(scope="session")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Eight distinct valid filings of eight fictional institutions (99YA-99YH)."""
    cat = load_catalogue()
    folder = tmp_path_factory.mktemp("batch")
    paths = []
    for n, letter in enumerate("ABCDEFGH"):
        content = (delta if n % 4 == 0 else veen)(cat)
        content.institution_code = f"99Y{letter}"
        content.institution_name = f"Fictieve instelling {letter}"
        path = folder / f"99Y{letter}-2024.xbrl"
        path.write_bytes(write_instance(content, cat))
        paths.append(path)
    return paths

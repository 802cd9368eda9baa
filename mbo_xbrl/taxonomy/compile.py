"""Compile the taxonomy, as Arelle reads it, into a small view the fast path can check against.

    python -m mbo_xbrl.taxonomy.compile [--check]

Arelle loads the DTS of our entry point; what an instance check needs from it — each item's type,
facets and period type, and the dimensional relationship sets (DRS) resolved with Arelle's own
XDT functions — is written to `mbo_xbrl/taxonomy/views/<package>.json`, tied to the package by its
SHA-256. Anything the view does not model (another base type, a facet we do not check,
calculation or formula linkbases, open hypercubes in the segment) is left out or refused, so that
the fast path sends such filings to Arelle instead of guessing.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from types import SimpleNamespace
from typing import Any

import click

from mbo_xbrl.errors import TaxonomyError
from mbo_xbrl.generated import write_or_check
from mbo_xbrl.taxonomy.package import taxonomy_package_path
from mbo_xbrl.taxonomy.processor import CALCULATION_ARCROLES, XbrlProcessor
from mbo_xbrl.taxonomy.releases import CURRENT, RELEASES, EntryPoint, Release
from mbo_xbrl.taxonomy.view import VIEW_FORMAT, VIEWS, package_sha256, view_path

SUPPORTED_BASES = {"decimal", "string", "boolean", "token", "gYear"}
SUPPORTED_FACETS = {"enumeration", "minLength", "pattern"}
# A pattern the fast path may run with Python's `re`: literals and character classes only, where
# XSD and Python regular expressions agree ('.' only inside a class, '\' only before '-' or '.').
SAFE_PATTERN = re.compile(r"(?:(?:\[(?:[A-Za-z0-9._]|\\[-.]|(?<!\[)-(?!\]))+\]|[A-Za-z0-9_])(?:\{\d+(?:,\d+)?\}|[?*+])?)+")
# Standard schemas an instance may name besides the DTS's (Arelle has them bundled, offline).
INSTANCE_SCHEMAS = {"http://www.xbrl.org/2006/xbrldi-2006.xsd": "http://xbrl.org/2006/xbrldi"}
# Relationships the view does not model: a taxonomy that has any makes the fast path refuse.
# (The formula linkbase is not among them: its assertions are the Werkagenda rules, which the engine
# runs itself; they say nothing about XBRL 2.1 or Dimensions validity, which is what the view certifies.)
UNMODELLED_ARCROLES = CALCULATION_ARCROLES


def _facets(model_type: Any) -> dict[str, Any] | None:
    """The facets of a type as JSON, or None when one of them is not checked by the fast path."""
    facets = dict(model_type.facets or {}) if model_type is not None else {}
    if set(facets) - SUPPORTED_FACETS:
        return None
    out: dict[str, Any] = {}
    if "enumeration" in facets:
        out["enumeration"] = sorted(str(v) for v in facets["enumeration"])
    if "minLength" in facets:
        out["minLength"] = int(facets["minLength"])
    if "pattern" in facets:
        pattern = str(facets["pattern"])
        if not SAFE_PATTERN.fullmatch(pattern):
            return None
        out["pattern"] = pattern
    return out


def _value_type(concept: Any) -> dict[str, Any] | None:
    base = concept.baseXsdType
    facets = _facets(concept.type)
    if base not in SUPPORTED_BASES or facets is None:
        return None
    return {"base": base, "facets": facets}


def compile_view(processor: XbrlProcessor, release: Release = CURRENT,
                 entry_point: EntryPoint | None = None) -> dict[str, Any]:
    """The view of the DTS of an entry point of a release (by default its funded one), as Arelle loaded it."""
    url = (entry_point or release.funded).url
    from arelle import ModelDocument, XbrlConst
    from arelle.ValidateXbrlDimensions import findPriItemElrHcRels, findUsableMembersInDomainELR

    package = taxonomy_package_path(release)
    with processor.loaded(url) as (model, messages):
        errors = [m for m in messages if m.level == "error"]
        if model is None or model.modelDocument is None or errors:
            raise TaxonomyError(f"the entry point did not load: {'; '.join(m.text for m in errors)}")
        for arcrole in UNMODELLED_ARCROLES:
            if model.relationshipSet(arcrole).modelRelationships:
                raise TaxonomyError(f"the taxonomy has {arcrole} relationships, which the view does not model")
        val = SimpleNamespace(modelXbrl=model)  # what Arelle's XDT helpers expect of a validator
        defaults = {rel.fromModelObject.qname.clarkNotation: rel.toModelObject.qname.clarkNotation
                    for rel in model.relationshipSet(XbrlConst.dimensionDefault).modelRelationships}
        ours = [c for qname, c in sorted(model.qnameConcepts.items(), key=lambda item: item[0].clarkNotation)
                if qname.namespaceURI.startswith(release.base_url)]
        dimensions: dict[str, Any] = {}
        for concept in ours:
            if not concept.isDimensionItem:
                continue
            if concept.isTypedDimension:
                domain = concept.typedDomainElement
                value_type = _value_type(domain) if domain is not None else None
                dimensions[concept.qname.clarkNotation] = {
                    "typed": domain.qname.clarkNotation if domain is not None and value_type else None,
                    "type": value_type}
            else:
                dimensions[concept.qname.clarkNotation] = {"default": defaults.get(concept.qname.clarkNotation)}

        member_sets: list[list[str]] = []
        member_set_ids: dict[tuple[str, ...], int] = {}
        members_by_dimension: dict[str, set[str]] = defaultdict(set)

        def member_set(dim: Any, domain_elr: str) -> int:
            usable: set[Any] = set()
            unusable: set[Any] = set()
            findUsableMembersInDomainELR(val, model.relationshipSet(XbrlConst.dimensionDomain, domain_elr)
                                         .fromModelObject(dim), domain_elr, usable, unusable, defaultdict(set))
            members = tuple(sorted(m.qname.clarkNotation for m in usable - unusable))
            members_by_dimension[dim.qname.clarkNotation].update(members)
            if members not in member_set_ids:
                member_set_ids[members] = len(member_sets)
                member_sets.append(list(members))
            return member_set_ids[members]

        cubes: list[dict[str, Any]] = []
        cube_ids: dict[str, int] = {}
        items: dict[str, Any] = {}
        unsupported: list[str] = []
        for concept in ours:
            if not concept.isItem or concept.isAbstract:
                continue
            value_type = _value_type(concept)
            if value_type is None or concept.periodType not in ("duration", "instant"):
                unsupported.append(concept.qname.clarkNotation)
                continue
            alternatives = []
            for elr, has_hypercubes in sorted(findPriItemElrHcRels(val, concept).items()):
                alternative = []
                for rel in has_hypercubes:
                    dim_elr = rel.targetRole or elr
                    cube = {"closed": bool(rel.isClosed), "element": rel.contextElement,
                            "negated": rel.arcrole == XbrlConst.notAll, "dimensions": {}}
                    for dim_rel in model.relationshipSet(XbrlConst.hypercubeDimension, dim_elr) \
                            .fromModelObject(rel.toModelObject):
                        dim = dim_rel.toModelObject
                        cube["dimensions"][dim.qname.clarkNotation] = (
                            None if dim.isTypedDimension else member_set(dim, dim_rel.targetRole or dim_elr))
                    key = json.dumps(cube, sort_keys=True)
                    if key not in cube_ids:
                        cube_ids[key] = len(cubes)
                        cubes.append(cube)
                    alternative.append(cube_ids[key])
                alternatives.append(alternative)
            items[concept.qname.clarkNotation] = {
                "period": concept.periodType, "numeric": bool(concept.isNumeric),
                "monetary": bool(concept.isMonetary),
                **value_type, "hypercubes": alternatives}
        for name, dimension in dimensions.items():
            if "default" in dimension:
                dimension["members"] = sorted(members_by_dimension.get(name, ()))
        # Every schema of the DTS by its URL: an instance may name them in xsi:schemaLocation.
        schemas = {url: doc.targetNamespace for url, doc in model.urlDocs.items()
                   if doc.type == ModelDocument.Type.SCHEMA and doc.targetNamespace and "://" in url}
        schemas.update(INSTANCE_SCHEMAS)
        return {
            "format": VIEW_FORMAT, "entry_point": url,
            "package": package.name, "package_sha256": package_sha256(package),
            "items": items, "dimensions": dimensions, "cubes": cubes, "member_sets": member_sets,
            "unsupported_items": unsupported, "schemas": dict(sorted(schemas.items())),
        }


def view_bytes(view: dict[str, Any]) -> bytes:
    return (json.dumps(view, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


@click.command()
@click.option("--check", is_flag=True, help="Only report whether the committed view is stale (exit 1 if so).")
def main(check: bool) -> None:
    """Compile the taxonomy view of each release that the fast path checks instances against."""
    processor = XbrlProcessor()
    try:
        views = {view_path(release, ep).name: view_bytes(compile_view(processor, release, ep))
                 for release in RELEASES.values() for ep in release.entry_points}
    finally:
        processor.close()
    write_or_check(views, VIEWS, check)


if __name__ == "__main__":
    main()

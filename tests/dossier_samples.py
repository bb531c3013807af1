"""Sample sub-documents of DOC 56 0589 built directly from the model: a set
of amendments (`/002`, every action, a sub-amendment, notes) and the text
adopted (`/003`). The proposal (`/001`) is loaded from the test suite's
content file; the rest is constructed here, so that the layout can be
tested while the loader for these types is written. Reusable:

    from dossier_samples import amendments_document, adopted_document
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from conftest import ROOT
from render.content.loader import load_document
from render.model import (Author, Considerant, Document, Emph, Footnote, NoteRef, Pair, Pos,
                          Request, Resolution, Str, Text, iter_requests)
from render.model.dossier import (Adoption, Amendment, AmendmentSet, Earlier, Stage, Target)
from render.model.locale import considerant_label, request_label

PROPOSAL = ROOT / "tests" / "data" / "56K0589001.yaml"
HERE = Pos("dossier_samples.py", 1, 1)

VAN_HOOF = Author("Els Van Hoof", "f", "cd&v", HERE)
DUPONT = Author("Marc Dupont", "m", "MR", HERE)

_MARKUP = re.compile(r"\*([^*]+)\*|\[\^([\w-]+)\]")


def text(source: str) -> Text:
    """A text from the content format's inline markup: `*emphasis*`, `[^note]`."""
    parts, last = [], 0
    for m in _MARKUP.finditer(source):
        if m.start() > last:
            parts.append(Str(source[last:m.start()]))
        parts.append(Emph(m.group(1)) if m.group(1) else NoteRef(m.group(2)))
        last = m.end()
    if last < len(source):
        parts.append(Str(source[last:]))
    return Text(tuple(parts), source)


def pair(fr: str, nl: str) -> Pair:
    return Pair(text(fr), text(nl), HERE)


COMMITTEE = Stage("committee", pair("commission des Relations extérieures",
                                    "commissie voor Buitenlandse Betrekkingen"))
PLENARY = Stage("plenary")


def target(kind: str, label: str = "") -> Target:
    return Target(kind, label, HERE)


NOTES = {
    "am-hrw": pair("Human Rights Watch, *Azerbaijan: Events of 2023*, rapport mondial 2024.",
                   "Human Rights Watch, *Azerbaijan: Events of 2023*, wereldrapport 2024."),
    "am-icj": pair("CIJ, ordonnance du 17 novembre 2023, Arménie c. Azerbaïdjan.",
                   "IGH, beschikking van 17 november 2023, Armenië t. Azerbeidzjan."),
    "am-unhcr": pair("HCR, *Armenia: Refugee Response Plan*, octobre 2023.",
                     "UNHCR, *Armenia: Refugee Response Plan*, oktober 2023."),
}


def sample_amendments() -> tuple[Amendment, ...]:
    """Nine amendments to DOC 56 0589/001: every action, on considerants,
    requests and the title; two authors; a sub-amendment; notes in a new
    text, in words put in place and in a justification."""
    return (
        Amendment(1, (VAN_HOOF,), target("considerant", "C"), "replace", HERE,
                  text=pair("vu la Charte des Nations Unies, signée à San Francisco le 26 juin "
                            "1945, et notamment son article 2;",
                            "gelet op het Handvest van de Verenigde Naties, ondertekend te San "
                            "Francisco op 26 juni 1945, inzonderheid artikel 2;"),
                  new_label="C",
                  justification=(pair("La Charte a été signée le 26 juin 1945, et non le 16 "
                                      "juin[^am-hrw].",
                                      "Het Handvest werd ondertekend op 26 juni 1945, niet op "
                                      "16 juni[^am-hrw]."),)),
        Amendment(2, (VAN_HOOF,), target("considerant", "D"), "replace-words", HERE,
                  old_words=pair("l’*Acte final* d’Helsinki", "de *Slotakte* van Helsinki"),
                  new_words=pair("l’Acte final d’Helsinki[^am-icj]",
                                 "de Slotakte van Helsinki[^am-icj]"),
                  justification=(pair("Précision.", "Verduidelijking."),)),
        Amendment(3, (DUPONT,), target("considerant", "C"), "insert-after", HERE,
                  text=pair("considérant que plus de 100.000 Arméniens ont fui le Haut-Karabakh "
                            "en septembre 2023[^am-unhcr];",
                            "overwegende dat meer dan 100.000 Armeniërs in september 2023 "
                            "Nagorno-Karabach zijn ontvlucht[^am-unhcr];"),
                  new_label="Cbis",
                  justification=(pair("Il convient de rappeler l’exode de la population "
                                      "arménienne du Haut-Karabakh.",
                                      "Er moet worden herinnerd aan de uittocht van de Armeense "
                                      "bevolking van Nagorno-Karabach."),)),
        Amendment(4, (DUPONT, VAN_HOOF), target("request", "4.3"), "delete", HERE,
                  justification=(pair("Ce point relève de la compétence du ministre de la "
                                      "Défense.",
                                      "Dit punt valt onder de bevoegdheid van de minister van "
                                      "Defensie."),)),
        Amendment(5, (VAN_HOOF,), target("title"), "replace", HERE,
                  text=pair("relative au Haut-Karabakh et aux pourparlers de paix entre "
                            "l’Arménie et l’Azerbaïdjan",
                            "betreffende Nagorno-Karabach en de vredesgesprekken tussen Armenië "
                            "en Azerbeidzjan"),
                  justification=(pair("Un intitulé plus court.", "Een korter opschrift."),)),
        Amendment(6, (DUPONT,), target("considerant", "A"), "insert-before", HERE,
                  text=pair("vu la Constitution, et notamment son article 167;",
                            "gelet op de Grondwet, inzonderheid artikel 167;"),
                  justification=(pair("Le fondement constitutionnel.",
                                      "De grondwettelijke grondslag."),)),
        Amendment(7, (DUPONT, VAN_HOOF), target("request", "4.2"), "insert-after", HERE,
                  text=pair("de soutenir l’accueil des réfugiés du Haut-Karabakh en Arménie;",
                            "de opvang van de vluchtelingen uit Nagorno-Karabach in Armenië te "
                            "steunen;"),
                  new_label="4.2bis",
                  justification=(pair("L’Arménie accueille plus de 100.000 réfugiés.",
                                      "Armenië vangt meer dan 100.000 vluchtelingen op."),)),
        Amendment(8, (DUPONT,), target("considerant", "Cbis"), "replace-words", HERE,
                  old_words=pair("plus de 100.000", "meer dan 100.000"),
                  new_words=pair("près de 120.000", "bijna 120.000"),
                  justification=(pair("Le chiffre du HCR.", "Het cijfer van het UNHCR."),),
                  amends=3),
        Amendment(9, (VAN_HOOF,), target("request", "2"), "replace", HERE,
                  lead=pair("souligne", "benadrukt"),
                  text=pair("qu’une paix durable entre l’Arménie et l’Azerbaïdjan passe par le "
                            "respect de leur intégrité territoriale;",
                            "dat een duurzame vrede tussen Armenië en Azerbeidzjan de "
                            "eerbiediging van hun territoriale integriteit vereist;"),
                  new_label="2",
                  justification=(pair("Reformulation.", "Herformulering."),)),
    )


def number_notes(doc: Document, notes: dict[str, Pair]) -> Document:
    """The notes a document calls, numbered in reading order (as the
    loader's numbering does: item by item, lead language first)."""
    order: list[str] = []
    for item in doc.items():
        for lang in doc.meta.langs:
            for p in item:
                order += [n for n in p[lang].note_ids if n not in order]
    footnotes = {nid: Footnote(nid, notes[nid], i + 1) for i, nid in enumerate(order)}
    return replace(doc, footnotes=footnotes)


def proposal() -> Document:
    return load_document(PROPOSAL)


def history_of_proposal(p: Document) -> tuple[Earlier, ...]:
    return (Earlier(1, "resolution", p.meta.authors, p.meta.and_others, p.meta.deposited),)


def amendments_document(amendments: tuple[Amendment, ...] | None = None,
                        stage: Stage = COMMITTEE, lead: str | None = None,
                        history: tuple[Earlier, ...] | None = None,
                        subdocument: int = 2, deposited: date = date(2025, 1, 15)) -> Document:
    """DOC 56 0589/002, the amendments tabled in committee."""
    p = proposal()
    amendments = sample_amendments() if amendments is None else amendments
    authors: list[Author] = []
    for a in amendments:
        authors += [x for x in a.authors if x not in authors]
    meta = replace(p.meta, doctype="amendments", subdocument=subdocument, deposited=deposited,
                   authors=tuple(authors), and_others=False, summary=None,
                   lead=lead or p.meta.lead)
    doc = Document(meta=meta, developments=(), resolution=None, footnotes={},
                   history=history_of_proposal(p) if history is None else history,
                   amendments=AmendmentSet(base=1, stage=stage, amendments=amendments))
    return number_notes(doc, NOTES)


def _relabel(requests: tuple[Request, ...], prefix: tuple[int, ...] = ()) -> tuple[Request, ...]:
    return tuple(replace(r, label=request_label(prefix + (i,)), depth=len(prefix) + 1,
                         children=_relabel(r.children, prefix + (i,)))
                 for i, r in enumerate(requests, start=1))


def adopted_document(stage: Stage = COMMITTEE) -> Document:
    """DOC 56 0589/003, the text adopted: the proposal's resolution with
    amendments 1, 3 (its considerant calls a note), 4 and 7 applied, by hand."""
    p = proposal()
    by_number = {a.number: a for a in sample_amendments()}
    res = p.resolution
    considerants = list(res.considerants)
    considerants[2] = Considerant(by_number[1].text)
    considerants.insert(3, Considerant(by_number[3].text))
    considerants = tuple(replace(c, label=considerant_label(i))
                         for i, c in enumerate(considerants))
    four = res.requests[3]
    children = [c for c in four.children if c.label != "4.3."]
    children.insert(2, Request(None, by_number[7].text, (), HERE))
    requests = list(res.requests)
    requests[3] = replace(four, children=tuple(children))
    resolution = Resolution(res.opening, considerants, _relabel(tuple(requests)))
    meta = replace(p.meta, doctype="adopted-text", subdocument=3, deposited=date(2025, 1, 22),
                   summary=None)
    history = history_of_proposal(p) + (
        Earlier(2, "amendments", (VAN_HOOF, DUPONT), False, date(2025, 1, 15), COMMITTEE),)
    doc = Document(meta=meta, developments=(), resolution=resolution, footnotes={},
                   history=history,
                   adoption=Adoption(stage, 1, (2,), (1, 3, 4, 7), HERE))
    return number_notes(doc, NOTES)


def labels(doc: Document) -> list[str]:
    return ([f"{c.label}." for c in doc.resolution.considerants]
            + [r.label for r in iter_requests(doc.resolution.requests)])

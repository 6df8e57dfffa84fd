import re
from pathlib import Path

import pytest

from tacitus.events import ontology
from tacitus.events.ontology import (
    by_code_prefix,
    cameo,
    cameo_codes,
    plover,
    plover_for_cameo,
    plover_types,
    quad_class,
    threat_code,
)

SHARED_ONTOLOGY = Path(__file__).parents[2] / ".." / "shared" / "data" / "ontology"

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
ROOTS = {f"{n:02d}" for n in range(1, 21)}


def expected_quad(root: str) -> int:
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def test_rejecting_a_meeting_is_verbal_conflict():
    code = cameo("125")
    assert code.description == "Reject proposal to meet, discuss, negotiate"
    assert code.root == "12"
    assert (code.plover_event, code.plover_mode) == ("REJECT", "meet")
    assert code.quad_class == 3
    assert code.goldstein == -5.0


def test_sanctions_follow_the_codebook_not_the_conversion_table():
    assert plover_for_cameo("163") == ("SANCTION", "discontinue")


def test_military_force_is_material_conflict_assault():
    assert plover_for_cameo("190")[0] == "ASSAULT"
    assert quad_class("190") == 4


@pytest.mark.parametrize("code", ["040", "043"])
def test_consultations(code):
    assert plover_for_cameo(code)[0] == "CONSULT"
    assert quad_class(code) == 1


def test_hosting_a_visit_has_visit_mode():
    assert plover_for_cameo("043") == ("CONSULT", "visit")


def test_four_digit_codes_keep_their_leading_zero():
    code = cameo("0331")
    assert code.code == "0331"
    assert code.root == "03"
    assert code.plover_event == "AGREE"
    assert code.goldstein == 5.2


def test_public_statements_have_no_plover_event():
    assert plover_for_cameo("010") == (None, None)
    assert plover_for_cameo("01") == (None, None)


def test_appeals_are_requests():
    assert plover_for_cameo("02") == ("REQUEST", None)
    assert plover_for_cameo("026") == ("REQUEST", "meet")


def test_surrounding_whitespace_is_ignored():
    assert cameo(" 125\n") == cameo("125")


@pytest.mark.parametrize("code", ["999", "43", "1", "", "0125"])
def test_unknown_code_raises_key_error(code):
    with pytest.raises(KeyError, match="unknown CAMEO code"):
        cameo(code)


def test_unknown_plover_type_raises_key_error():
    with pytest.raises(KeyError, match="unknown PLOVER event type"):
        plover("FIGHT")


def test_table_covers_all_cameo_codes():
    codes = cameo_codes()
    assert len(codes) >= 280
    assert ROOTS <= set(codes)
    assert all(re.fullmatch(r"\d{2,4}", code) for code in codes)


def test_every_code_sits_under_a_listed_root_with_its_quad_class():
    codes = cameo_codes()
    for code, entry in codes.items():
        assert entry.code == code
        assert entry.root in ROOTS, code
        assert code.startswith(entry.root)
        assert entry.quad_class == expected_quad(entry.root), code


def test_goldstein_weights_are_on_the_scale():
    assert all(-10.0 <= entry.goldstein <= 10.0 for entry in cameo_codes().values())


def test_mapped_events_and_modes_are_defined_in_plover():
    types = plover_types()
    for code, entry in cameo_codes().items():
        if entry.plover_event is None:
            assert entry.plover_mode is None, code
            continue
        assert entry.plover_event in types, code
        if entry.plover_mode is not None:
            assert entry.plover_mode in types[entry.plover_event].modes, code


def test_plover_has_its_sixteen_types():
    types = plover_types()
    assert set(types) == PLOVER_TYPES
    for name, plover_type in types.items():
        assert plover_type.name == name
        assert plover_type.definition.strip()
        assert all(definition.strip() for definition in plover_type.modes.values())


def test_default_cameo_codes_exist_and_map_back_to_their_type():
    for name, plover_type in plover_types().items():
        assert plover_for_cameo(plover_type.default_cameo)[0] == name


def test_reject_defaults_to_the_general_reject_code():
    assert plover("REJECT").default_cameo == "120"
    assert "meet" in plover("REJECT").modes


def test_returned_tables_are_copies():
    codes = cameo_codes()
    codes.pop("125")
    types = plover_types()
    types.pop("REJECT")
    assert cameo("125").code == "125"
    assert plover("REJECT").name == "REJECT"


def test_each_file_is_read_once(monkeypatch):
    read = []
    real_file = ontology._ontology_file

    def counting_file(name):
        read.append(name)
        return real_file(name)

    monkeypatch.setattr(ontology, "_ontology_file", counting_file)
    ontology._cameo_table.cache_clear()
    ontology._plover_table.cache_clear()
    for _ in range(3):
        cameo("125")
        plover("REJECT")
        cameo_codes()
    assert sorted(read) == ["cameo.tsv", "plover.yaml"]


def _shared(name: str) -> Path:
    path = SHARED_ONTOLOGY / name
    if not path.is_file():
        pytest.skip(f"reference data not available: {path}")
    return path


def test_goldstein_weights_match_the_published_scale():
    published = {}
    lines = _shared("CAMEO.goldsteinscale.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        code, weight = line.split("\t")
        published[code] = float(weight)
    codes = cameo_codes()
    assert set(published) <= set(codes)
    for code, weight in published.items():
        assert codes[code].goldstein == weight, code


def test_every_code_of_the_conversion_table_is_listed():
    text = _shared("CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    listed = set(re.findall(r"^(\d{2,4}):", text, flags=re.MULTILINE))
    assert listed <= set(cameo_codes())


def test_a_table_keyed_by_code_prefix_answers_for_the_longest_prefix():
    table = {"18": "root", "183": "finer"}
    assert by_code_prefix(table, "1831") == "finer" and by_code_prefix(table, "181") == "root"
    assert by_code_prefix(table, "0211") is None
    assert threat_code("1831") is not None and threat_code("1831").startswith("13")

"""Reading the knowledge base's data files (tacitus.actors.kb_files)."""

import pytest

from tacitus.actors.kb_files import PEOPLE_COLUMNS, read_data_files, read_people_csv


def test_people_csv_skips_source_comments_and_blank_rows():
    header = ",".join(PEOPLE_COLUMNS)
    text = f"# facts from an almanac\n{header}\np-1,Ada Example,,FRA,GOV,minister,2001-01-01,\n,,,,,,,\n"
    rows = read_people_csv(text)
    assert [row["name"] for row in rows] == ["Ada Example"]


def test_people_csv_without_a_required_column_is_refused():
    with pytest.raises(ValueError, match="lacks columns"):
        read_people_csv("person_id,name\np-1,Ada Example\n")


def test_data_files_keep_dates_as_text_and_skip_missing_files(tmp_path):
    (tmp_path / "countries.yaml").write_text("FRA:\n  name: France\n  since: 1958-10-04\n", encoding="utf-8")
    sections, people, sources = read_data_files([tmp_path / "countries.yaml", tmp_path / "absent.yaml"])
    assert sections == {"countries": {"FRA": {"name": "France", "since": "1958-10-04"}}}
    assert people == [] and sources == [str(tmp_path / "countries.yaml")]

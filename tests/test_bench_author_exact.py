"""The benchmark's secondary author reading, "authors exact" (benchmarks/bench_metadata.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_metadata as bench


def exact(got: list[str], label: str) -> bool | None:
    return bench.wcxb_author_exact({"authors": got}, {"author": label})


def test_exact_same_name_after_nfc_casefold_and_white_space() -> None:
    assert exact(["JOSE\u0301  Martí"], "Jos\u00e9 MARTÍ") is True


def test_exact_a_label_or_role_kept_in_the_name_is_wrong() -> None:
    assert exact(["Veröffentlicht von Chris Jung"], "Chris Jung") is False
    assert exact(["Chris Jung."], "Chris Jung") is False


def test_exact_extra_or_missing_co_author_is_wrong() -> None:
    assert exact(["Manoj Jain", "Jagpreet Chhatwal", "Jane Doe"], "Manoj Jain and Jagpreet Chhatwal") is False
    assert exact(["Manoj Jain"], "Manoj Jain and Jagpreet Chhatwal") is False
    assert exact(["Jagpreet Chhatwal", "Manoj Jain"], "Manoj Jain and Jagpreet Chhatwal") is True


@pytest.mark.parametrize(
    ("label", "names"),
    [
        ("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", {"danielle desiato", "donna enzmann", "natalie nguyen"}),
        ("Rui Ma, Heba Ledwon & Suparn Patra", {"rui ma", "heba ledwon", "suparn patra"}),
        ("Dylan Bailey, MS, RD, FAND", {"dylan bailey"}),
        ("Genevieve Carlton, Ph.D.", {"genevieve carlton"}),
        ("Lance Ryan (Content Manager)", {"lance ryan"}),
    ],
)
def test_label_split_into_names_without_credentials(label: str, names: set[str]) -> None:
    assert names in bench.wcxb_label_names(label)


def test_label_whole_reading_kept_for_an_organisation_with_and() -> None:
    assert exact(["Center for Drug Evaluation and Research"], "Center for Drug Evaluation and Research") is True
    assert exact(["Research"], "Center for Drug Evaluation and Research") is False


def test_exact_silence_is_wrong_and_no_label_is_not_scored() -> None:
    assert exact([], "Jane Doe") is False
    assert exact(["Jane Doe"], "") is None


def test_label_whole_reading_keeps_a_bracketed_part_of_a_name() -> None:
    assert exact(["Paramita (Guha) Ghosh"], "Paramita (Guha) Ghosh") is True

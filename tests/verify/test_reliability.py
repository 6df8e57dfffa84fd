"""Reliability bins and expected calibration error."""

import pytest

from tacitus.verify.reliability import expected_calibration_error, reliability


def test_bins_set_observed_precision_against_mean_confidence():
    judged = [(0.15, True), (0.15, False), (0.95, True), (1.0, True)]
    bins = reliability(judged)
    assert [(b.low, b.records, b.precision) for b in bins] == [(0.1, 2, 0.5), (0.9, 2, 1.0)]
    assert bins[1].mean_confidence == pytest.approx(0.975)


def test_expected_calibration_error_weights_gaps_by_records():
    assert expected_calibration_error([(0.5, True), (0.5, False)]) == 0.0
    assert expected_calibration_error([(0.9, False), (0.1, False)]) == pytest.approx(0.5)
    assert expected_calibration_error([]) == 0.0

"""Verification of coded events: a learned filter and calibrated confidence (tacitus.verify.model)."""

"""Fixtures shared by the event tests."""

import pytest


@pytest.fixture(scope="module")
def code(code_text):
    """Code a text published on an ISO day; the events as contract records."""
    return code_text

"""Schemathesis against /openapi.json: generated requests to every operation, no 5xx answer.

Each operation gets up to EXAMPLES generated requests of each mode (operations with few parameters get fewer,
Hypothesis stops when it runs out of distinct inputs); the test asserts the total is at least
MIN_REQUESTS and prints it.
"""

from __future__ import annotations

from collections import Counter

import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error

# Valid inputs (positive) and inputs that break the schema on purpose (negative, which must get 4xx).
EXAMPLES = {GenerationMode.POSITIVE: 110, GenerationMode.NEGATIVE: 50}
MIN_REQUESTS = 1000


def test_generated_requests_get_no_server_error(client):
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    statuses: Counter[tuple[str, int]] = Counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11

    for operation, mode in ((operation, mode) for operation in operations for mode in EXAMPLES):
        @given(case=operation.as_strategy(mode))
        @settings(max_examples=EXAMPLES[mode], deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case):
            response = case.call()
            statuses[operation.label, response.status_code] += 1
            case.validate_response(response, checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:
            # An operation without parameters or body has no invalid input to generate.
            assert mode is GenerationMode.NEGATIVE and not list(operation.iter_parameters()), operation.label

    total = sum(statuses.values())
    by_status = Counter()
    for (_, status), n in statuses.items():
        by_status[status] += n
    print(f"\nschemathesis: {total} requests to {len(operations)} operations, by status {dict(sorted(by_status.items()))}")
    assert total >= MIN_REQUESTS
    assert not [status for status in by_status if status >= 500]

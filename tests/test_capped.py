"""The cap on hostile-input tests (capped.py): past its memory or CPU a test fails in seconds."""

from __future__ import annotations

import time

import pytest
from capped import run_capped


def spin() -> None:
    while True:
        pass


def test_a_test_growing_past_its_memory_cap_fails_at_once():
    started = time.perf_counter()
    with pytest.raises(pytest.fail.Exception) as failed:
        run_capped(lambda: bytearray(1 << 30), {}, memory=64 << 20)
    assert str(failed.value).startswith("MemoryError: the test went past its cap of 64 MB more address space\n")
    assert time.perf_counter() - started < 5


def test_a_test_spinning_past_its_cpu_cap_is_killed():
    with pytest.raises(pytest.fail.Exception) as failed:
        run_capped(spin, {}, cpu=1)
    assert str(failed.value) == "the test's process was killed (SIGXCPU) past its cap of 1 CPU seconds"


def test_a_failing_assertion_and_a_skip_in_the_child_are_the_tests_own():
    def wrong(n):
        assert n == 2, "n should be 2"
    with pytest.raises(pytest.fail.Exception) as failed:
        run_capped(wrong, {"n": 1})
    assert "AssertionError: n should be 2" in str(failed.value)
    with pytest.raises(pytest.skip.Exception, match="^LibreOffice is not installed$"):
        run_capped(lambda: pytest.skip("LibreOffice is not installed"), {})
    run_capped(wrong, {"n": 2})  # a passing test passes

"""The fuzz target in small (``make fuzz`` runs it at 100,000 inputs): nothing escapes."""

from __future__ import annotations

from ..fuzzing import fuzz


def test_fuzz_small_run_lets_no_exception_escape() -> None:
    report = fuzz(300, seed=1)
    assert report.tried == 300
    assert not report.escaped, "\n\n".join(error for _, error in report.escaped[:3])
    assert set(report.kinds) == {"mutated article", "hostile shape", "random unicode", "random bytes"}
    assert report.refused  # random bytes and cut files are refused with their reasons

"""Performance and reliability measurements (not part of the test run); see BENCHMARKS.md."""

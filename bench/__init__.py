"""Benchmarks and the synthetic data they run on (damage generator, archives)."""

"""The self-test: the facts Fedimove relies on, checked against what a server actually does.

`facts.py` says what a fact and its result are; `registry.py` lists the facts (with their source
and the value each server software is expected to show); `probes_*.py` measure; `evaluate.py`
runs them; `report.py` writes the dated Markdown and JSON; `live.py` drives a whole run on two
throwaway accounts (sign-in, read, sample copy, alias, checks, optionally the Move).
"""

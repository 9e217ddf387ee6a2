"""What the attachment keeps of each undated movement between its passes (``_Met``): the compact arrays answer as
the mappings they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ghouta_events._merge import _MOST_EVIDENCE, _Met

homes = st.integers(min_value=0, max_value=2**40)
evidence_maps = st.dictionaries(homes, st.integers(min_value=0, max_value=_MOST_EVIDENCE), max_size=60)
pairs = st.tuples(st.integers(min_value=0, max_value=2**31 - 1), st.integers(min_value=0, max_value=2**31 - 1))
waiting_maps = st.dictionaries(homes, st.lists(pairs, min_size=1, max_size=5), max_size=10)


@given(evidence_maps, waiting_maps, st.lists(homes, max_size=80))
def test_met_answers_as_its_mappings(evidence: dict[int, int], waiting: dict[int, list[tuple[int, int]]],
                                     asked: list[int]) -> None:
    met = _Met(evidence, waiting)
    for home in [*asked, *evidence]:
        assert met.shared(home) == evidence.get(home, -1)
    assert met.meets_any(set(asked)) == bool(set(asked) & set(evidence))
    assert met.meets_any(set(evidence)) == bool(evidence)
    ranked = met.by_evidence()
    assert sorted(ranked) == sorted(evidence.items())
    assert [shared for _, shared in ranked] == sorted(evidence.values(), reverse=True)
    kept = [(undated, code >> 32, code & (2**32 - 1)) for undated, code in zip(met.undated, met.pairs, strict=True)]
    assert kept == [(undated, i, j) for undated, found in waiting.items() for i, j in found]

"""A parsed query as a conjunction the ranking code can run: required, excluded, optional.

The search syntax makes AND of words, phrases and field filters, with ``-word`` exclusions,
the common case; :func:`plan_query` turns that shape into a :class:`QueryPlan` and returns
None for anything else (OR, groups under NOT), which Whoosh's own searcher then runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from whoosh import query as wq

__all__ = ["Clause", "QueryPlan", "plan_query", "score_by_rarest"]


@dataclass(frozen=True, slots=True)
class Clause:
    """Documents with ``terms`` of ``fieldname`` at consecutive positions (one term: just
    containing it), scored as the sum of the BM25F of its ``scoring_terms``; or, with
    ``expand``, documents containing any term the Whoosh query (a prefix or a range)
    expands to, scored as the sum of those terms' scores."""

    fieldname: str
    terms: tuple[str, ...] = ()
    expand: wq.Query | None = None
    scored: tuple[str, ...] = ()  # if set, the terms that find and score candidates

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1

    @property
    def scoring_terms(self) -> tuple[str, ...]:
        """The terms whose postings find candidates and score them; a candidate's other
        terms are looked up only when its phrase is checked."""
        return self.scored or self.terms


@dataclass(slots=True)
class QueryPlan:
    """Match every ``required`` clause and no ``excluded`` one; each ``optional`` clause a
    document matches adds to its score (the title boost)."""

    required: list[Clause] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    optional: list[Clause] = field(default_factory=list)

    def clauses(self) -> list[Clause]:
        return [*self.required, *self.excluded, *self.optional]

    def phrases(self) -> list[Clause]:
        """The required phrases, those likeliest to fail first (checking a phrase reads its
        terms' positions; the fewer candidates pass the first checks, the fewer blocks the
        others decode).

        A phrase opening with a single character opens with a pair that is not a
        vocabulary bigram (``奇日``: ``奇 日``; ``奇日子``: ``奇 日子``), which rarely stands
        side by side where both occur; a word cut into overlapping bigrams (``平均 均水
        水平``, ``四川 川 日报``) nearly always does where its rarest bigram occurs.
        """
        phrases = [clause for clause in self.required if clause.is_phrase]
        return sorted(phrases, key=lambda clause: len(clause.terms[0]) > 1)


def plan_query(query: wq.Query, optional: list[wq.Query] | None = None) -> QueryPlan | None:
    """The plan of ``query`` with ``optional`` boost clauses, or None if it has another shape."""
    plan = QueryPlan()
    if not _add_conjunct(plan, query):
        return None
    if not plan.required:
        return None  # only exclusions: every document is a match, Whoosh ranks those
    for boost in optional or []:
        clause = _clause(boost)
        if clause is None:
            return None
        plan.optional.append(clause)
    return plan


def _add_conjunct(plan: QueryPlan, query: wq.Query) -> bool:
    if isinstance(query, wq.And):
        return all(_add_conjunct(plan, child) for child in query.subqueries)
    if isinstance(query, wq.Every):
        return True
    if isinstance(query, wq.Not):
        clause = _clause(query.query)
        if clause is not None:
            plan.excluded.append(clause)
        return clause is not None
    clause = _clause(query)
    if clause is not None:
        plan.required.append(clause)
    return clause is not None


def _clause(query: wq.Query) -> Clause | None:
    if query.boost != 1.0:
        return None
    if type(query) is wq.Term:
        return Clause(query.fieldname, (query.text,))
    if type(query) is wq.Phrase and query.slop == 1 and query.words:
        return Clause(query.fieldname, tuple(query.words))
    if type(query) in (wq.Prefix, wq.TermRange) and query.constantscore:
        return Clause(query.fieldname, expand=query)
    return None


def score_by_rarest(
    plan: QueryPlan, doc_frequency: Callable[[str, str], int], keep: int = 1
) -> QueryPlan:
    """The plan with each required phrase of more than ``keep`` terms found and scored by
    its ``keep`` rarest terms (index-wide), the others checked with its positions.

    Whoosh scores a phrase as the sum of its terms' scores, so a three-character word
    (two bigrams) counts twice in a query, a seven-character one six times, and finding
    its candidates decodes every block of every term. Here a word scores once, by its
    most specific bigram; its matches are the same.
    """
    required = []
    for clause in plan.required:
        if clause.expand is None and len(clause.terms) > keep:
            rarest = sorted(set(clause.terms), key=lambda t: doc_frequency(clause.fieldname, t))
            clause = replace(clause, scored=tuple(rarest[:keep]))
        required.append(clause)
    return QueryPlan(required, plan.excluded, plan.optional)

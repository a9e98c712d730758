"""Hand-made articles and a stand-in pipeline for library, search and CLI tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from index.model import Article, Repair
from index.pipeline import FileResult


def make_article(
    title: str,
    paragraphs: Sequence[str],
    outlet: str | None = None,
    published: str | None = None,
    source: str = "test.txt",
    script: str = "simplified",
) -> Article:
    raw = title + "\n" + "\n".join(paragraphs)
    return Article(
        source_path=source,
        raw=raw,
        title=title,
        outlet=outlet,
        published=published,
        paragraphs=list(paragraphs),
        script=script,  # type: ignore[arg-type]
        repairs=[Repair(0, "?", title[:1], "test repair", 0.9)],
    )


LU_XUN = make_article(
    "鲁迅的青年时代",
    ["鲁迅的青年时代是在绍兴度过的。他后来去了日本，学习医学。", "回国以后，他在北京教书写作。"],
    outlet="文学报",
    published="2025-03-05T09:00",
)
BANK = make_article(
    "中国农业发展银行支持春耕",
    [
        "中国农业发展银行今天宣布，将加大对春耕生产的信贷支持。",
        "银行负责人表示，农业贷款将重点投向粮食生产和农田水利。",
        "北京和上海的分行也将参与。粮食生产是农业的基础。",
    ],
    outlet="经济日报",
    published="2025-06-20T10:30",
)
NEIGHBOURS = make_article(
    "江海區舉辦鄰里節",
    ["7月4日，江海區第二屆鄰里節在江海廣場啟動。", "社區居民體驗傳統文化，社區志願者提供服務。"],
    outlet="江門日報",
    published="2025-07-10T07:30",
    script="traditional",
)
WEATHER = make_article(
    "本周后期全市将明显降温",
    [
        "记者从市气象台获悉，受冷空气影响，本周后期全市将出现明显降温。",
        "气象专家提醒市民注意保暖。",
    ],
    outlet="江门日报",
    published="2024-11-02T08:00",
)
ALL_ARTICLES = (LU_XUN, BANK, NEIGHBOURS, WEATHER)


def fake_pipeline(files: dict[str, Sequence[Article]]) -> Callable[[Path], FileResult]:
    """A ``process`` for ``run_import``: a file's name picks its articles; unknown names fail."""

    def process(path: Path) -> FileResult:
        if path.name not in files:
            return FileResult(path, error="cannot decode")
        return FileResult(path, list(files[path.name]))

    return process


def touch_files(folder: Path, names: Sequence[str]) -> list[Path]:
    paths = []
    for name in names:
        path = folder / name
        path.write_text("x", encoding="utf-8")
        paths.append(path)
    return paths

"""Every damaged spot of the bundled sample archive, checked one by one against its context."""

from __future__ import annotations

import re
from functools import cache

import pytest

from index.repair import RepairResult, repair_text
from tests.helpers.corpus import FEED_DUMP, PAGE_DUMP

# (file, damaged text as it stands in the dump, repaired text). The damaged side carries a
# little context so each spot is found exactly where it is.
SPOTS = [
    (PAGE_DUMP, "江海區(qū)第二屆幸?!班徖锕?jié)”啟動(dòng)", "江海區第二屆幸福“鄰里節”啟動"),
    (
        PAGE_DUMP,
        "來源:江門日?qǐng)?bào)  發(fā)表時(shí)間:2025-07-10",
        "來源：江門日報  發表時間：2025-07-10",
    ),
    (PAGE_DUMP, "江門日?qǐng)?bào)記者 陳嬋", "江門日報記者 陳嬋"),
    (PAGE_DUMP, "也成就了自己?!?/p>", "也成就了自己。”</p>"),
    (PAGE_DUMP, "通過“陣地?fù)Q服務(wù)”機(jī)制", "通過“陣地換服務”機制"),
    (PAGE_DUMP, "一部分?!痹诨顒?dòng)現(xiàn)場(chǎng),江南", "一部分。”在活動現場，江南"),
    (
        PAGE_DUMP,
        "的優(yōu)惠?!惫溧徖锛\ue1ff械膹埌⒁腆@喜地說",
        "的優惠。”逛鄰里集市的張阿姨驚喜地說",
    ),
    (PAGE_DUMP, "隊(duì)的一員?!痹凇班徖镒h事角”", "隊的一員。”在“鄰里議事角”"),
    (PAGE_DUMP, "在“漫游江南新遇江?!盋ity Walk", "在“漫游江南新遇江海”City Walk"),
    (PAGE_DUMP, "成立。幸?!班徖锕?jié)”期間", "成立。幸福“鄰里節”期間"),
    (
        FEED_DUMP,
        "實(shí)際行動(dòng)??崭劢值酪矊⒁源舜闻嘤?xùn)為契機(jī)",
        "實際行動。空港街道也將以此次培訓為契機",
    ),
    (FEED_DUMP, "調(diào)值?,F(xiàn)場(chǎng),學(xué)員們", "調值。現場，學員們"),
    (FEED_DUMP, "方面的需求?!?/p>", "方面的需求。”</p>"),
    (FEED_DUMP, "黨員們?cè)诶蠋熤笇?dǎo)下", "黨員們在老師指導下"),
    (FEED_DUMP, "讓它們?cè)诂F(xiàn)代社會(huì)中", "讓它們在現代社會中"),
    (FEED_DUMP, "她首先向?qū)W員們介紹", "她首先向學員們介紹"),
    (FEED_DUMP, "樓門院?jiǎn)栴}解決", "樓門院問題解決"),
    (FEED_DUMP, "項(xiàng)目?jī)?nèi)容進(jìn)行了", "項目內容進行了"),
    (FEED_DUMP, "“運(yùn)動(dòng)+環(huán)?!钡碾p核理念", "“運動+環保”的雙核理念"),
]

ANNOTATION = re.compile(r"[(?][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


@cache
def _repaired(path: str) -> tuple[str, RepairResult]:
    with open(path, encoding="utf-8") as handle:
        raw = handle.read()
    return raw, repair_text(raw)


@pytest.mark.parametrize(("dump", "damaged", "expected"), SPOTS, ids=[s[2] for s in SPOTS])
def test_spot_is_repaired(dump: object, damaged: str, expected: str) -> None:
    raw, result = _repaired(str(dump))
    assert damaged in raw
    assert expected in result.text


@pytest.mark.parametrize("dump", [PAGE_DUMP, FEED_DUMP], ids=["page", "feed"])
def test_no_annotation_or_shifted_debris_remains(dump: object) -> None:
    _, result = _repaired(str(dump))
    assert ANNOTATION.search(result.text) is None
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in result.text)
    assert "?/p>" not in result.text
    # Every "?" left is a placeholder or a character GBK lacked, never a lost byte.
    for match in re.finditer(r"\?+", result.text):
        after = result.text[match.end() : match.end() + 1]
        assert after not in ",!:;", result.text[match.start() - 5 : match.end() + 5]


def test_spot_list_covers_every_shift_repair_in_the_archive() -> None:
    listed = {expected for _, _, expected in SPOTS}
    for dump in (PAGE_DUMP, FEED_DUMP):
        _, result = _repaired(str(dump))
        for repair in result.repairs:
            if repair.reason in ("gbk-shift", "lost-byte"):
                assert any(repair.after.strip("<") in e for e in listed), repair

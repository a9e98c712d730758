"""Read people's names from a byline (authors) and from an editors' footer (editors)."""

from __future__ import annotations

import re

_AUTHOR_ROLE = re.compile(
    r"(?:攝影記者|摄影记者|見習記者|见习记者|實習記者|实习记者|特約記者|特约记者|記者|记者"
    r"|通訊員|通讯员|實習生|实习生)"
)
_EDITOR_ROLE = re.compile(
    r"(?:責任編輯|责任编辑|值班編輯|值班编辑|編輯|编辑|初審|初审|二審|二审|三審|三审|終審|终审"
    r"|審核|审核|審校|审校|校對|校对)"
)
_FOOTER_START = re.compile(rf"^\s*[（(\[【]?\s*{_EDITOR_ROLE.pattern}\s*[:：]")
_SENTENCE_END = re.compile(r"[。！？!；;]")
_HAN = r"[\u3400-\u9fff\U00020000-\U0003134f]"
# Two to four Han characters, or a transcribed name with a middle dot (阿依古麗·買買提).
_NAME = re.compile(rf"^(?:{_HAN}{{2,4}}|{_HAN}+(?:·{_HAN}+)+)$")
_TOKEN_SEPARATOR = re.compile(r"[\s、,，:：/／()（）\[\]【】]+")
_MAX_BYLINE_LENGTH = 60
_MAX_FOOTER_LENGTH = 80


def is_byline(text: str) -> bool:
    """True for a short line naming reporters or correspondents (``記者``, ``通訊員``)."""
    return (
        len(text) <= _MAX_BYLINE_LENGTH
        and _AUTHOR_ROLE.search(text) is not None
        and not _SENTENCE_END.search(text)
    )


def is_editors_footer(text: str) -> bool:
    """True for the ``（責任編輯：… 二審：… 三審：…）`` footer."""
    return len(text) <= _MAX_FOOTER_LENGTH and _FOOTER_START.match(text) is not None


def parse_authors(byline: str) -> list[str]:
    """Names after each role in ``□文/圖 江門日報記者 陳嬋 通訊員 劉小鳳`` -> 陳嬋, 劉小鳳."""
    return _names_after_roles(byline, _AUTHOR_ROLE)


def parse_editors(footer: str) -> list[str]:
    """Names after each role in ``（責任編輯： 李芳菲  二審：王雪晴  三審：寧園 ）``."""
    return _names_after_roles(footer, _EDITOR_ROLE)


def _names_after_roles(text: str, role: re.Pattern[str]) -> list[str]:
    parts = role.split(text)[1:]
    names: list[str] = []
    for index, part in enumerate(parts):
        tokens = [token for token in _TOKEN_SEPARATOR.split(part) if token]
        followed_by_role = index < len(parts) - 1
        if followed_by_role and len(tokens) > 1 and not part[-1].isspace():
            # "陳嬋 江門日報通訊員": the word glued to the next role names an outlet, not a person.
            tokens = tokens[:-1]
        for token in tokens:
            if _NAME.match(token) and token not in names:
                names.append(token)
    return names

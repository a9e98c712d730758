"""Hand-written, undamaged dumps that exercise clean and metadata without the repair engine."""

from __future__ import annotations

# A page dump in traditional script, shaped like the sample but with nothing to repair.
PAGE_TRADITIONAL = """在线观看,免费看电影,精品视频,成人网站,超碰在线

江海區舉辦鄰里節，設置六大體驗區
鄰里攜手拼出新畫卷

來源：江門日報  發表時間：2025-07-10 07:30

活動現場，不少市民體驗傳統文化魅力。

活動現場，不少市民體驗傳統文化魅力。

?

????□文/圖 江門日報記者 陳嬋 通訊員 劉小鳳

????7月4日，江海區第二屆鄰里節在江海廣場啟動。

????多元聚力

????共繪“鄰里同心圓”

????啟動儀式上，6位代表共同完成拼圖，象徵著黨群同心。</p>

（責任編輯： 李芳菲  二審：王雪晴  三審：寧園 ）
分享到：
"""

PAGE_TRADITIONAL_PARAGRAPHS = [
    "7月4日，江海區第二屆鄰里節在江海廣場啟動。",
    "多元聚力",
    "共繪“鄰里同心圓”",
    "啟動儀式上，6位代表共同完成拼圖，象徵著黨群同心。",
]

# The same shape in simplified script, with the footer in simplified forms.
PAGE_SIMPLIFIED = """江海区举办邻里节，设置六大体验区

来源：江门日报  发表时间：2025-07-11 18:05

□文/图 江门日报记者 陈婵 李明 通讯员 刘小凤

7月4日，江海区第二届邻里节在江海广场启动。

（责任编辑：李芳菲 二审：王雪晴 三审：宁园）
分享到:
"""

# A feed dump: three bodies, CDATA terminators, one damaged to "]>", a glued heading.
FEED = """培訓伊始，畢教授運用卡片法將學員編為三個小組。這些議題將在後續講解中得到解答。
專業的理論知識為討論提供了方向。</p> ]]>
活動中，陳光老師主要講解了朗誦發音的相關知識。學員們認真學習。
]>黨建引領，共治共享??活動伊始，社區負責人于嵐在致辭中強調共享的意義。
共同剪彩，正式啟用??在熱烈的掌聲中，代表們一同剪彩。
]]>"""

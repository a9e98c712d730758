"""Write the hostile input files of tests/data/bad (small ones committed, large ones on demand)."""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

SAMPLE = (
    "江海區(qū)第二屆幸?!班徖锕?jié)”啟動(dòng),設(shè)置六大主題體驗(yàn)區(qū)\n"
    "活動(dòng)現(xiàn)場(chǎng),不少市民體驗(yàn)傳統(tǒng)文化。\n"
)


def small_files() -> dict[str, bytes]:
    """Hostile files small enough to keep in the repository, by name."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as handle:
        # A fixed timestamp keeps the file reproducible.
        handle.writestr(zipfile.ZipInfo("article.txt", date_time=(2025, 7, 10, 7, 30, 0)), SAMPLE)
    lines = SAMPLE.splitlines()
    return {
        "empty.txt": b"",
        "whitespace-only.txt": b" \n\t\r\n   \n",
        "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
        "archive.zip": archive.getvalue(),
        "document.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
        "nul-bytes.txt": SAMPLE.encode() + b"\x00\x01\x02" * 20,
        "invalid-utf8.txt": b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xff\xfe\xfd",
        "invalid-gbk.txt": b"\x81\x30\x81\x30\xff\xff\x80\x80\xfe\x7f",
        "utf16-without-bom.txt": SAMPLE.encode("utf-16-le"),
        "mixed-encodings.txt": lines[0].encode("utf-8") + b"\n" + lines[1].encode("gb18030"),
        "cut-mid-character.txt": SAMPLE.encode("utf-8")[:-2],
        "nested-html.txt": ("<div>" * 3000 + "<p>社區(qū)活動(dòng)" + "</span>" * 5).encode(),
        "unclosed-html.txt": b"<p><b>\xe7\xa4\xbe\xe5\x8d\x80<a href='x' <script>alert(1)<p",
        "cdata-only.txt": b"]]>" * 10_000,
        "hostile-markup.txt": (
            '<img src="http://example.invalid/x.png"> <script>fetch("http://x")</script>'
            '<a href="file:///etc/passwd">社區</a><style>body{}</style>'
        ).encode(),
        "question-mark-wall.txt": ("區(qū)" + "?!" * 20_000).encode(),
    }


def write_small_files(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in small_files().items():
        (folder / name).write_bytes(data)


def write_long_line(path: Path, megabytes: int = 20, damaged: bool = True) -> None:
    """One line of text, ``megabytes`` long (damaged: about 20 s to repair at 1 MB/s)."""
    clean = "活動現場，市民們在現場體驗了傳統文化。"
    unit = ("活動(dòng)現(xiàn)場(chǎng)," + clean if damaged else clean).encode()
    path.write_bytes(unit * (megabytes * 1024 * 1024 // len(unit)))


def write_huge_file(path: Path, megabytes: int = 200) -> None:
    """A sparse file of ``megabytes``: costs no disk space, stat() reports its size."""
    with path.open("wb") as handle:
        handle.write(SAMPLE.encode())
        handle.truncate(megabytes * 1024 * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=Path(__file__).parent / "bad")
    parser.add_argument("--large", action="store_true", help="also write the 20 MB and 200 MB")
    args = parser.parse_args()
    write_small_files(args.folder)
    if args.large:
        write_long_line(args.folder / "long-line.txt")
        write_huge_file(args.folder / "huge.txt")


if __name__ == "__main__":
    main()

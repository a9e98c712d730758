"""The desktop entry, AppStream metainfo and icons agree with each other and with pyproject."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.archivereader.ArchiveReader"
DESKTOP_FILE = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version: str = tomllib.load(handle)["project"]["version"]
    return version


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE, path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_entry_starts_the_reader_with_the_app_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "archive-reader gui"  # the Makefile makes the path absolute
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Name[zh_TW]"] and entry["Name[zh_CN]"]


def test_metainfo_names_the_desktop_entry_and_the_current_release() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP_FILE.name
    releases = [release.get("version") for release in component.iter("release")]
    assert releases[0] == pyproject_version(), "add a <release> for the new version"


def test_icon_pngs_have_every_size_and_match_the_svg_name() -> None:
    svg = ICONS / f"{APP_ID}.svg"
    assert ET.parse(svg).getroot().get("viewBox") == "0 0 512 512"
    for size in ICON_SIZES:
        assert png_size(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (
            size,
            size,
        )


def test_the_version_lives_in_pyproject_only() -> None:
    spec = (ROOT / "packaging" / "archive-reader.spec").read_text(encoding="utf-8")
    assert "version(NAME)" in spec and pyproject_version() not in spec
    from desktop.version import package_version

    # The running code reports pyproject's version, and no source file spells it out.
    assert package_version() == pyproject_version()
    for source in (ROOT / "desktop").rglob("*.py"):
        assert f'"{pyproject_version()}"' not in source.read_text(encoding="utf-8"), source


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP_FILE),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_freedesktop_validators_accept_the_files(tool: str, args: list[str], path: Path) -> None:
    executable = shutil.which(tool)
    if executable is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils, appstream)")
    result = subprocess.run(
        [executable, *args, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()

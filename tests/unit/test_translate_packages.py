"""Installing packages: from a file (validated first) and from an index served on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import socket
import stat
import threading
import zipfile
from functools import partial
from pathlib import Path
from typing import ClassVar

import pytest

from argos_fixture import argosmodel, copy_model  # noqa: F401
from briefing.errors import UserError
from briefing.translate import commands, installed_packages
from briefing.translate import packages as pk


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under the packages folder's parent, with file hashes."""
    root = folder.parent
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
    }


# -- from a file ------------------------------------------------------------


def test_install_file_then_argostranslate_sees_it(tmp_path, argos_dirs, copy_model):  # noqa: F811
    file = argosmodel(copy_model, tmp_path / "dl", "de")
    out, err = io.StringIO(), io.StringIO()
    assert commands.run("install", [str(file)], [], out, err) == 0
    assert out.getvalue() == "installed translate-de_en 1.0 from translate-de_en-1_0.argosmodel\n"
    assert [(p.from_code, p.version) for p in installed_packages()] == [("de", "1.0")]
    from argostranslate import package as argos_package

    assert [(p.from_code, p.to_code) for p in argos_package.get_installed_packages()] == [("de", "en")]
    assert [p.name for p in argos_dirs.parent.iterdir()] == ["packages"]  # no staging left behind


def test_a_newer_file_replaces_the_installed_pair(tmp_path, argos_dirs, copy_model):  # noqa: F811
    pk.install_file(argosmodel(copy_model, tmp_path / "a", "de", version="1.0"))
    pk.install_file(argosmodel(copy_model, tmp_path / "b", "de", version="1.1"))
    assert [(p.from_code, p.version) for p in installed_packages()] == [("de", "1.1")]


def _good_members(copy_model: Path, top: str = "translate-de_en-1_0") -> dict[str, bytes]:  # noqa: F811
    members = {f"{top}/metadata.json": json.dumps({"from_code": "de", "to_code": "en", "package_version": "1.0"}).encode()}
    for file in sorted(copy_model.rglob("*")):
        if file.is_file():
            members[f"{top}/{file.relative_to(copy_model).as_posix()}"] = file.read_bytes()
    return members


def _zip(path: Path, members: dict[str, bytes], links: dict[str, str] = {}) -> Path:  # noqa: B006
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in links.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path


def hostile(kind: str, tmp_path: Path, copy_model: Path) -> Path:  # noqa: F811
    members = _good_members(copy_model)
    path = tmp_path / f"{kind}.argosmodel"
    if kind == "traversal":
        members["translate-de_en-1_0/../../evil.txt"] = b"x"
    elif kind == "absolute":
        members["/tmp/evil.txt"] = b"x"
    elif kind == "symlink":
        return _zip(path, members, {"translate-de_en-1_0/model/link": "/etc/passwd"})
    elif kind == "no-top-folder":
        members = {name.split("/", 1)[1]: data for name, data in members.items()}
    elif kind == "two-top-folders":
        members["other/readme.txt"] = b"x"
    elif kind == "missing-metadata":
        del members["translate-de_en-1_0/metadata.json"]
    elif kind == "metadata-without-codes":
        members["translate-de_en-1_0/metadata.json"] = b'{"package_version": "1.0"}'
    elif kind == "no-model":
        members = {k: v for k, v in members.items() if "/model/" not in k}
    elif kind == "truncated":
        good = _zip(path, members)
        good.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
        return good
    elif kind == "not-a-zip":
        path.write_text("hello")
        return path
    elif kind == "duplicate-member":
        # a second metadata.json (or model.bin): the extractor would keep the last copy
        with pytest.warns(UserWarning, match="Duplicate name"):
            _zip(path, {**members})
            with zipfile.ZipFile(path, "a") as archive:
                archive.writestr("translate-de_en-1_0/model/model.bin", b"garbage")
        return path
    elif kind == "huge-metadata":
        padding = b" " * (2 * 1024 * 1024)  # 2 MB: the was 1.5 GB, any size over the bound is refused alike
        fields = b'{"from_code": "de", "to_code": "en", "package_version": "1.0", "x": "'
        members["translate-de_en-1_0/metadata.json"] = fields + padding + b'"}'
    elif kind == "deep-metadata":
        members["translate-de_en-1_0/metadata.json"] = b"[" * 30_000 + b"]" * 30_000  # under the size bound, past any recursion limit
    elif kind == "no-tokenizer":
        del members["translate-de_en-1_0/sentencepiece.model"]
    elif kind == "bomb":
        members["translate-de_en-1_0/padding.bin"] = bytes(40 * 1024 * 1024)  # 40 MB of zeros, ~40 KB zipped
    elif kind == "lying-sizes":
        # a member whose headers declare 1 KB but which inflates to 40 MB
        good = _zip(path, {**members, "translate-de_en-1_0/padding.bin": bytes(40 * 1024 * 1024)})
        data = bytearray(good.read_bytes())
        for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            at = data.rfind(signature)  # padding.bin is the last member written
            data[at + offset : at + offset + 4] = (1024).to_bytes(4, "little")
        good.write_bytes(bytes(data))
        return good
    return _zip(path, members)


REASONS = {
    "traversal": "points outside its folder",
    "absolute": "has an absolute path",
    "symlink": "is a link or special file",
    "no-top-folder": "sits outside the one top-level folder",
    "two-top-folders": "expected one top-level folder, found 2",
    "missing-metadata": "no metadata.json",
    "metadata-without-codes": "metadata.json lacks from_code, to_code",
    "no-model": "no model/model.bin",
    "duplicate-member": "appears twice",
    "huge-metadata": "over the 64 KB bound",
    "deep-metadata": "not a JSON object of bounded size and depth",
    "no-tokenizer": "no sentencepiece.model or bpe.model",
    "truncated": "not a readable zip",
    "not-a-zip": "not a readable zip",
    "bomb": "over the 21 MB bound",
    "lying-sizes": "could not be unpacked",
}
KINDS = list(REASONS)


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_files_are_refused_and_change_nothing(kind, tmp_path, argos_dirs, copy_model):  # noqa: F811
    pk.install_file(argosmodel(copy_model, tmp_path / "ok", "hu"))  # something already installed
    before = snapshot(argos_dirs)
    bad = hostile(kind, tmp_path, copy_model)
    with pytest.raises(UserError) as refused:
        pk.install_file(bad, max_unpacked=20 * 1024 * 1024)
    message = str(refused.value)
    assert "\n" not in message and bad.name in message and "nothing was installed" in message
    assert REASONS[kind] in message
    assert snapshot(argos_dirs) == before
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


def test_the_default_bound_accepts_real_sizes(tmp_path, copy_model):  # noqa: F811
    checked = pk.validate_archive(argosmodel(copy_model, tmp_path, "de"))
    assert checked.top == "translate-de_en-1_0" and checked.metadata["from_code"] == "de"


def test_remove(tmp_path, argos_dirs, copy_model):  # noqa: F811
    pk.install_file(argosmodel(copy_model, tmp_path, "de"))
    out = io.StringIO()
    assert commands.run("remove", ["de"], [], out, io.StringIO()) == 0
    assert out.getvalue() == "removed translate-de_en 1.0\n" and installed_packages() == []
    with pytest.raises(UserError, match="no installed model translates from 'de'"):
        commands.run("remove", ["de"], [], out, io.StringIO())


# -- from the index, over a real loopback HTTP server ----------------------


@pytest.fixture
def index_server(tmp_path, copy_model, monkeypatch):  # noqa: F811
    served = tmp_path / "served"
    served.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_QuietHandler, directory=str(served))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    entries = []
    for source, target in (("de", "en"), ("vi", "en"), ("ko", "ja"), ("ja", "en")):
        file = argosmodel(copy_model, served, source, target)
        entries.append({**json.loads(_meta(file)), "links": [base + file.name]})
    (served / "index.json").write_text(json.dumps(entries))
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", base + "index.json")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def log_message(self, *args) -> None:
        _QuietHandler.requests.append(self.path)


def _meta(file: Path) -> str:
    with zipfile.ZipFile(file) as archive:
        return archive.read(next(n for n in archive.namelist() if n.endswith("metadata.json"))).decode()


def test_install_language_from_the_index_with_progress(index_server, argos_dirs):
    out, err = io.StringIO(), io.StringIO()
    assert commands.run("install", ["de", "vi"], [], out, err) == 0
    assert out.getvalue().splitlines() == ["installed translate-de_en 1.0", "installed translate-vi_en 1.0"]
    assert "download translate-de_en" in err.getvalue()
    assert sorted(p.from_code for p in installed_packages()) == ["de", "vi"]
    assert (argos_dirs.parent / "index.json").exists()  # argospm reads the same index


def test_install_pivots_when_the_index_has_no_direct_model(index_server, argos_dirs):
    out = io.StringIO()
    commands.run("install", ["ko"], [], out, io.StringIO())
    assert out.getvalue().splitlines() == ["installed translate-ko_ja 1.0", "installed translate-ja_en 1.0"]


def test_unknown_language_names_what_the_index_offers(index_server, argos_dirs):
    with pytest.raises(UserError, match="no Argos package exists for Swahili \\(sw\\) to English in the index") as refused:
        commands.run("install", ["sw"], [], io.StringIO(), io.StringIO())
    assert "NAME.en.txt" in str(refused.value) and str(refused.value).endswith("languages it offers: de, ja, vi")


def test_no_network_is_one_clear_line(argos_dirs, monkeypatch):
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", f"http://127.0.0.1:{port}/index.json")
    with pytest.raises(UserError) as failed:
        commands.run("install", ["de"], [], io.StringIO(), io.StringIO())
    message = str(failed.value)
    assert message.startswith(f"could not reach the Argos package index (http://127.0.0.1:{port}/index.json")
    assert "briefing models install FILE" in message and "\n" not in message
    assert installed_packages() == []


def test_list_shows_packages_and_languages_without_a_model(tmp_path, argos_dirs, copy_model):  # noqa: F811
    pk.install_file(argosmodel(copy_model, tmp_path / "dl", "de"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Sam Altman besuchte am Freitag eine Halbleiterfabrik von Samsung Electronics in Pyeongtaek, "
        "um die gemeinsame Entwicklung von Chips für künstliche Intelligenz zu besprechen.",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        "A Samsung Electronics, az OpenAI és a SoftBank főnökei ültek össze Szöulban, hogy megvitassák "
        "az együttműködés részleteit a mesterséges intelligencia területén.",
        encoding="utf-8",
    )
    (corpus / "c.txt").write_text(
        "Sam Altman, CEO của OpenAI, sẽ có cuộc gặp gỡ quan trọng với Chủ tịch Samsung Electronics tại Seoul "
        "để thảo luận về trí tuệ nhân tạo và chất bán dẫn.",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert commands.run("list", [], [str(corpus)], out, io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    assert any("translate-de_en 1.0" in line for line in lines)
    assert "  Hungarian (hu): not installed yet; `briefing models install hu` fetches it [1 article]" in lines
    vietnamese = next(line for line in lines if "(vi)" in line)
    assert "no Argos package exists for Vietnamese" in vietnamese and "NAME.en.txt" in vietnamese and ".argosmodel" in vietnamese
    assert lines[-1] == "Install with: briefing models install hu"  # not vi: the index has nothing for it


def test_metadata_strings_are_sanitised_everywhere_they_are_shown(tmp_path, argos_dirs, copy_model):  # noqa: F811
    evil = "e\x1b]52;c;SGVsbG8=\x07\x1b[2J"
    pk.install_file(argosmodel(copy_model, tmp_path / "dl", "de", version="1.0" + evil, from_name="German" + evil, to_name=evil))
    (tmp_path / "a.txt").write_text("OpenAI and SoftBank met in Seoul on Tuesday to talk about chips.", encoding="utf-8")
    out = io.StringIO()
    commands.run("list", [], [str(tmp_path / "a.txt")], out, io.StringIO())
    text = out.getvalue()
    assert "German" in text and "\x1b" not in text and "\x07" not in text
    package = installed_packages()[0]
    assert "\x1b" not in package.label + package.from_name + package.to_name

def test_bad_action_and_missing_targets():
    with pytest.raises(UserError):
        commands.run("upgrade", [], [], io.StringIO(), io.StringIO())
    with pytest.raises(UserError, match="name what to install"):
        commands.run("install", [], [], io.StringIO(), io.StringIO())



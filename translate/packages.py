"""Installed Argos packages: find, validate, install from a file, remove.

We read and write the folder argostranslate uses (so `argospm` installs are seen and
ours are seen by it), but we do not hand files to `argostranslate.package`: its
`install_from_path` extracts any zip unchecked, and one stray folder without
`metadata.json` makes its `get_installed_packages()` raise for every later call.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefing.errors import UserError
from briefing.model import Article

MAX_UNPACKED = 2 * 1024**3  # real Argos packages unpack to 100-400 MB
MAX_MEMBERS = 10_000
REQUIRED_FIELDS = ("from_code", "to_code", "package_version")
MODEL_FILES = ("model/model.bin", "model/config.json")
ENGLISH = "en"


@dataclass(frozen=True)
class InstalledPackage:
    path: Path
    from_code: str
    to_code: str
    version: str
    from_name: str = ""
    to_name: str = ""
    target_prefix: str = ""

    @property
    def name(self) -> str:
        return package_name(self.from_code, self.to_code)

    @property
    def label(self) -> str:  # what the cache key and the view's `model` carry
        return f"{self.name} {self.version}"


def package_name(from_code: str, to_code: str) -> str:
    """Argos' name for a language pair's package, installed or in the index."""
    return f"translate-{from_code}_{to_code}"


def packages_dir() -> Path:
    """Where argostranslate keeps packages (ARGOS_PACKAGES_DIR or its settings.json)."""
    from argostranslate import settings  # light: no ctranslate2; creates argos' folders

    return Path(settings.package_data_dir)


def _read_package(folder: Path) -> InstalledPackage | None:
    try:
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        return None  # e.g. an old "sbd" package: nothing we translate with
    if not all(isinstance(meta.get(f), str) for f in REQUIRED_FIELDS):
        return None
    if not (folder / "model" / "model.bin").is_file() or not (folder / "sentencepiece.model").is_file():
        return None
    return InstalledPackage(
        path=folder,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        version=meta["package_version"],
        from_name=str(meta.get("from_name", "")),
        to_name=str(meta.get("to_name", "")),
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def installed_packages(folder: Path | None = None) -> list[InstalledPackage]:
    """Usable translation packages, by language pair, oldest version first (newest last)."""
    folder = folder or packages_dir()
    if not folder.is_dir():
        return []
    found = [p for d in sorted(folder.iterdir()) if d.is_dir() and (p := _read_package(d))]
    return sorted(found, key=lambda p: (p.from_code, p.to_code, _version_key(p.version)))


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def find_route(packages: list[InstalledPackage], from_code: str, to_code: str = ENGLISH) -> list[InstalledPackage] | None:
    """The packages that take from_code to to_code: direct, else through one pivot language."""
    best: dict[tuple[str, str], InstalledPackage] = {}
    for package in packages:  # sorted oldest first, so the newest wins
        best[(package.from_code, package.to_code)] = package
    if (from_code, to_code) in best:
        return [best[(from_code, to_code)]]
    for (source, pivot), first in sorted(best.items()):
        if source == from_code and (pivot, to_code) in best:
            return [first, best[(pivot, to_code)]]
    return None


def missing_languages(articles: list[Article], packages: list[InstalledPackage] | None = None) -> list[str]:
    """Corpus languages (not English) that no installed package takes to English."""
    packages = installed_packages() if packages is None else packages
    languages = sorted({a.lang for a in articles if a.lang and a.lang != ENGLISH})
    return [lang for lang in languages if find_route(packages, lang) is None]


# -- validating a .argosmodel file ------------------------------------------


@dataclass(frozen=True)
class Archive:
    top: str  # the one top-level folder
    metadata: dict


def _refuse(path: Path, reason: str) -> UserError:
    return UserError(f"{path.name} is not a usable Argos package: {reason}; nothing was installed")


def validate_archive(path: Path, max_unpacked: int = MAX_UNPACKED) -> Archive:
    """Check a .argosmodel before anything is written; raise UserError naming the fault."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path} does not exist: give the path of a .argosmodel file")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise _refuse(path, f"not a readable zip ({error}), perhaps truncated: copy it again") from None
    with archive:
        members = archive.infolist()
        if not members:
            raise _refuse(path, "the zip is empty")
        if len(members) > MAX_MEMBERS:
            raise _refuse(path, f"{len(members)} files, more than {MAX_MEMBERS}")
        tops: set[str] = set()
        total = 0
        for info in members:
            name = info.filename
            if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
                raise _refuse(path, f"member {name!r} has an absolute path")
            parts = PurePosixPath(name).parts
            if ".." in parts:
                raise _refuse(path, f"member {name!r} points outside its folder")
            mode = info.external_attr >> 16
            kind = stat.S_IFMT(mode)  # 0 when the zip tool recorded no file type
            if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
                raise _refuse(path, f"member {name!r} is a link or special file")
            if info.flag_bits & 0x1:
                raise _refuse(path, f"member {name!r} is encrypted")
            tops.add(parts[0])
            if len(parts) == 1 and not info.is_dir():
                raise _refuse(path, f"file {name!r} sits outside the one top-level folder")
            total += info.file_size
        if total > max_unpacked:
            raise _refuse(path, f"it would unpack to {total / 1e6:.0f} MB, over the {max_unpacked / 1e6:.0f} MB bound")
        if len(tops) != 1:
            raise _refuse(path, f"expected one top-level folder, found {len(tops)}")
        top = tops.pop()
        if top in (".", "") or top.startswith("."):
            raise _refuse(path, f"bad top-level folder name {top!r}")
        names = {info.filename for info in members}
        if f"{top}/metadata.json" not in names:
            raise _refuse(path, "no metadata.json in its folder")
        try:
            metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError) as error:
            raise _refuse(path, f"metadata.json is unreadable ({error})") from None
        if not isinstance(metadata, dict):
            raise _refuse(path, "metadata.json is not an object")
        missing = [f for f in REQUIRED_FIELDS if not isinstance(metadata.get(f), str) or not metadata[f]]
        if missing:
            raise _refuse(path, f"metadata.json lacks {', '.join(missing)}")
        if metadata.get("type", "translate") != "translate":
            raise _refuse(path, f"it is a {metadata['type']!r} package, not a translation model")
        for code in (metadata["from_code"], metadata["to_code"]):
            if not (1 < len(code) <= 8 and code.replace("-", "").replace("_", "").isalnum()):
                raise _refuse(path, f"language code {code!r} is not valid")
        for required in (*MODEL_FILES, "sentencepiece.model"):
            if f"{top}/{required}" not in names:
                raise _refuse(path, f"no {required} (a CTranslate2 model and a SentencePiece model are needed)")
        if not any(f"{top}/model/{v}" in names for v in ("shared_vocabulary.json", "shared_vocabulary.txt", "source_vocabulary.json", "source_vocabulary.txt")):
            raise _refuse(path, "model/ has no vocabulary file")
        return Archive(top, metadata)


def _extract(archive_path: Path, checked: Archive, into: Path, max_unpacked: int) -> Path:
    """Extract member by member, counting real bytes (a header can lie about sizes)."""
    written = 0
    with zipfile.ZipFile(archive_path) as archive:
        for info in archive.infolist():
            target = into.joinpath(*PurePosixPath(info.filename).parts)
            if not target.resolve().is_relative_to(into.resolve()):
                raise _refuse(archive_path, f"member {info.filename!r} points outside its folder")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(target, "wb") as sink:
                while chunk := source.read(1 << 20):
                    written += len(chunk)
                    if written > max_unpacked:
                        raise _refuse(archive_path, "it unpacks to more than its headers declare")
                    sink.write(chunk)
    return into / checked.top


def install_file(path: Path, folder: Path | None = None, max_unpacked: int = MAX_UNPACKED) -> InstalledPackage:
    """Install a .argosmodel: validate, unpack beside the packages folder, then swap in.

    Unpacking happens in a staging folder next to (not inside) the packages folder, so a
    failure at any point leaves the installed packages exactly as they were, and
    argostranslate never sees a half-written package.
    """
    path = Path(path)
    checked = validate_archive(path, max_unpacked)
    folder = folder or packages_dir()
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".briefing-install-", dir=folder.parent))
    try:
        try:
            unpacked = _extract(path, checked, staging, max_unpacked)
        except (zipfile.BadZipFile, OSError, EOFError) as error:  # CRC errors, truncation
            raise _refuse(path, f"it could not be unpacked ({error})") from None
        package = _read_package(unpacked)
        if package is None:
            raise _refuse(path, "its metadata or model files are unusable")
        destination = folder / checked.top
        in_the_way = {p.path for p in installed_packages(folder) if (p.from_code, p.to_code) == (package.from_code, package.to_code)}
        if destination.exists():
            in_the_way.add(destination)
        moved: list[tuple[Path, Path]] = []
        try:
            for old in sorted(in_the_way):
                aside = staging / f".old-{old.name}"
                os.replace(old, aside)
                moved.append((aside, old))
            os.replace(unpacked, destination)
        except OSError:
            for aside, old in moved:  # put the old packages back
                os.replace(aside, old)
            raise
        return _read_package(destination)  # type: ignore[return-value]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove(lang: str, folder: Path | None = None) -> list[InstalledPackage]:
    """Remove the packages that translate from `lang`; UserError if there are none."""
    packages = [p for p in installed_packages(folder) if p.from_code == lang]
    if not packages:
        raise UserError(f"no installed model translates from {lang!r}: `briefing models list` shows what is installed")
    for package in packages:
        shutil.rmtree(package.path)
    return packages

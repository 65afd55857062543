"""Installed Argos packages: find, validate, install from a file, remove.

We read and write the folder argostranslate uses (so `argospm` installs are seen and
ours are seen by it), but we do not hand files to `argostranslate.package`: its
`install_from_path` extracts any zip unchecked, and one stray folder without
`metadata.json` makes its `get_installed_packages()` raise for every later call.
What a package must hold is what argostranslate and CTranslate2 need, no more:
`metadata.json`, `model/model.bin` with its vocabulary (shared or source + target,
`.json` since CTranslate2 3.0, `.txt` before; `config.json` only since 3.0), and a
tokenizer, `sentencepiece.model` or else `bpe.model` (argostranslate's order).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefing import sanitize
from briefing.errors import UserError
from briefing.model import Article

MAX_UNPACKED = 2 * 1024**3  # real Argos packages unpack to 100-400 MB
MAX_MEMBERS = 10_000
MAX_METADATA = 64 * 1024  # real metadata.json files are ~150-400 bytes
REQUIRED_FIELDS = ("from_code", "to_code")  # argostranslate defaults package_version to ""
TOKENIZERS = ("sentencepiece.model", "bpe.model")  # argostranslate tries them in this order
VOCABULARIES = (  # what CTranslate2 loads: one shared vocabulary, or one per side
    ("model/shared_vocabulary.json",),
    ("model/shared_vocabulary.txt",),
    ("model/source_vocabulary.json", "model/target_vocabulary.json"),
    ("model/source_vocabulary.txt", "model/target_vocabulary.txt"),
)
STAGING_PREFIX = ".briefing-install-"
STALE_AFTER = 24 * 3600  # seconds: staging folders of unknown owners older than this go
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

    @property
    def tokenizer(self) -> Path:
        """The tokenizer file argostranslate would use: SentencePiece first, else BPE."""
        return next((self.path / t for t in TOKENIZERS if (self.path / t).is_file()), self.path / TOKENIZERS[0])


def package_name(from_code: str, to_code: str) -> str:
    """Argos' name for a language pair's package, installed or in the index."""
    return f"translate-{from_code}_{to_code}"


def packages_dir() -> Path:
    """Where argostranslate keeps packages (ARGOS_PACKAGES_DIR, its settings.json, or its default).

    Read without importing argostranslate.settings, whose import creates three folders under
    HOME (and fails on a read-only one): an export or a listing must create nothing.
    """
    loaded = sys.modules.get("argostranslate.settings")
    if loaded is not None and hasattr(loaded, "package_data_dir"):  # already read: what argostranslate uses
        return Path(loaded.package_data_dir)
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    try:
        configured = json.loads((config / "argos-translate" / "settings.json").read_text(encoding="utf-8"))
        folder = configured.get("ARGOS_PACKAGES_DIR") if isinstance(configured, dict) else None
    except (OSError, ValueError):
        folder = None
    return Path(folder) if isinstance(folder, str) and folder else _default_packages_dir()


def argos_data_dir() -> Path:
    """argostranslate's data folder (where its index.json copy lives), without importing its settings."""
    loaded = sys.modules.get("argostranslate.settings")
    if loaded is not None and hasattr(loaded, "data_dir"):
        return Path(loaded.data_dir)
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "argos-translate"


def _default_packages_dir() -> Path:
    """argostranslate's default, computed the way it does but without creating anything."""
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"


def valid_code(code: object) -> bool:
    if not isinstance(code, str) or not 1 < len(code) <= 8:
        return False
    bare = code.replace("-", "").replace("_", "")
    return bare.isascii() and bare.isalnum()


def parse_metadata(data: bytes) -> dict | None:
    """metadata.json as a dict, or None: bounded in size and depth (no RecursionError)."""
    if len(data) > MAX_METADATA:
        return None
    try:
        meta = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return meta if isinstance(meta, dict) else None


def has_model_files(names: set[str]) -> str | None:
    """What is missing for CTranslate2 and argostranslate, or None (names relative to the package)."""
    if "model/model.bin" not in names:
        return "no model/model.bin (a CTranslate2 model is needed)"
    if not any(all(v in names for v in group) for group in VOCABULARIES):
        return "model/ has no vocabulary (shared_vocabulary or source_ and target_vocabulary, .json or .txt)"
    if not any(t in names for t in TOKENIZERS):
        return "no sentencepiece.model or bpe.model (a tokenizer is needed)"
    return None


def _read_package(folder: Path) -> InstalledPackage | None:
    try:
        with open(folder / "metadata.json", "rb") as file:
            meta = parse_metadata(file.read(MAX_METADATA + 1))
    except OSError:
        return None
    if meta is None or meta.get("type", "translate") != "translate":
        return None  # e.g. an old "sbd" package: nothing we translate with
    if not all(isinstance(meta.get(f), str) for f in REQUIRED_FIELDS):
        return None
    if not (valid_code(meta["from_code"]) and valid_code(meta["to_code"])):
        return None
    present = {v for group in VOCABULARIES for v in group if (folder / v).is_file()}
    present |= {t for t in (*TOKENIZERS, "model/model.bin") if (folder / t).is_file()}
    if has_model_files(present):
        return None
    return InstalledPackage(  # every string shown anywhere is made safe here, once
        path=folder,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        version=sanitize.line(meta.get("package_version") or "0")[:32],  # "0": unversioned
        from_name=sanitize.line(meta.get("from_name", ""))[:64],
        to_name=sanitize.line(meta.get("to_name", ""))[:64],
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def installed_packages(folder: Path | None = None) -> list[InstalledPackage]:
    """Usable translation packages, by language pair, oldest version first (newest last).

    An unreadable folder means no packages, not an error: translation is optional.
    """
    folder = folder or packages_dir()
    try:
        entries = sorted(d for d in folder.iterdir() if d.is_dir() and not d.name.startswith("."))
    except OSError:
        return []
    found = [p for d in entries if (p := _read_package(d))]
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


def _refuse(shown: str, reason: str) -> UserError:
    return UserError(f"{shown} is not a usable Argos package: {reason}; nothing was installed")


def validate_archive(path: Path, max_unpacked: int = MAX_UNPACKED, shown: str | None = None) -> Archive:
    """Check a .argosmodel before anything is written; raise UserError naming the fault.

    `shown` names the file in messages (a download is named by its package, not its
    temporary file).
    """
    path = Path(path)
    shown = shown or sanitize.path(path.name)
    if not path.is_file():
        raise UserError(f"{sanitize.path(path)} does not exist: give the path of a .argosmodel file")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise _refuse(shown, f"not a readable zip ({sanitize.line(error)}), perhaps truncated: copy it again") from None
    with archive:
        members = archive.infolist()
        if not members:
            raise _refuse(shown, "the zip is empty")
        if len(members) > MAX_MEMBERS:
            raise _refuse(shown, f"{len(members)} files, more than {MAX_MEMBERS}")
        tops: set[str] = set()
        names: set[str] = set()
        total = 0
        for info in members:
            name = info.filename
            if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
                raise _refuse(shown, f"member {sanitize.line(repr(name))} has an absolute path")
            parts = PurePosixPath(name).parts
            if ".." in parts:
                raise _refuse(shown, f"member {sanitize.line(repr(name))} points outside its folder")
            key = "/".join(parts)
            if key in names:  # the extractor would keep only the last copy
                raise _refuse(shown, f"member {sanitize.line(repr(name))} appears twice")
            names.add(key)
            mode = info.external_attr >> 16
            kind = stat.S_IFMT(mode)  # 0 when the zip tool recorded no file type
            if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
                raise _refuse(shown, f"member {sanitize.line(repr(name))} is a link or special file")
            if info.flag_bits & 0x1:
                raise _refuse(shown, f"member {sanitize.line(repr(name))} is encrypted")
            tops.add(parts[0])
            if len(parts) == 1 and not info.is_dir():
                raise _refuse(shown, f"file {sanitize.line(repr(name))} sits outside the one top-level folder")
            total += info.file_size
        if total > max_unpacked:
            raise _refuse(shown, f"it would unpack to {total / 1e6:.0f} MB, over the {max_unpacked / 1e6:.0f} MB bound")
        if len(tops) != 1:
            raise _refuse(shown, f"expected one top-level folder, found {len(tops)}")
        top = tops.pop()
        if top in (".", "") or top.startswith("."):
            raise _refuse(shown, f"bad top-level folder name {sanitize.line(repr(top))}")
        inside = {n[len(top) + 1 :] for n in names if n.startswith(top + "/")}
        if "metadata.json" not in inside:
            raise _refuse(shown, "no metadata.json in its folder")
        info = archive.getinfo(next(i.filename for i in members if "/".join(PurePosixPath(i.filename).parts) == f"{top}/metadata.json"))
        if info.file_size > MAX_METADATA:
            raise _refuse(shown, f"metadata.json is {info.file_size / 1e6:.1f} MB, over the {MAX_METADATA // 1024} KB bound")
        try:
            with archive.open(info) as file:
                raw = file.read(MAX_METADATA + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise _refuse(shown, f"metadata.json is unreadable ({sanitize.line(error)})") from None
        metadata = parse_metadata(raw)
        if metadata is None:
            raise _refuse(shown, "metadata.json is not a JSON object of bounded size and depth")
        missing = [f for f in REQUIRED_FIELDS if not isinstance(metadata.get(f), str) or not metadata[f]]
        if missing:
            raise _refuse(shown, f"metadata.json lacks {', '.join(missing)}")
        if metadata.get("type", "translate") != "translate":
            raise _refuse(shown, f"it is a {sanitize.line(repr(metadata['type']))} package, not a translation model")
        for code in (metadata["from_code"], metadata["to_code"]):
            if not valid_code(code):
                raise _refuse(shown, f"language code {sanitize.line(repr(code))} is not valid")
        if problem := has_model_files(inside):
            raise _refuse(shown, problem)
        return Archive(top, metadata)


def _extract(archive_path: Path, checked: Archive, into: Path, max_unpacked: int, shown: str) -> Path:
    """Extract member by member, counting real bytes (a header can lie about sizes)."""
    written = 0
    with zipfile.ZipFile(archive_path) as archive:
        for info in archive.infolist():
            target = into.joinpath(*PurePosixPath(info.filename).parts)
            if not target.resolve().is_relative_to(into.resolve()):
                raise _refuse(shown, f"member {sanitize.line(repr(info.filename))} points outside its folder")
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(target, "xb") as sink:  # "x": never a second copy
                while chunk := source.read(1 << 20):
                    written += len(chunk)
                    if written > max_unpacked:
                        raise _refuse(shown, "it unpacks to more than its headers declare")
                    sink.write(chunk)
    return into / checked.top


def staging_name(prefix: str) -> str:
    """A temporary folder's prefix carrying our process id, so a later run can tell it is orphaned."""
    return f"{prefix}{os.getpid()}-"


def clean_stale(folder: Path, prefix: str) -> list[Path]:
    """Remove `prefix*` folders left by runs that were killed (kill -9, SIGTERM, power loss)."""
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink()]
    except OSError:
        return removed
    for candidate in candidates:
        pid_text = candidate.name[len(prefix) :].split("-", 1)[0]
        try:
            old = time.time() - candidate.stat().st_mtime > STALE_AFTER
        except OSError:
            continue
        # a dead owner, or (no process id in the name, or the id reused since) a day old:
        # no install runs that long, downloads stop after DEADLINE
        stale = old or (pid_text.isdigit() and not _alive(int(pid_text)))
        if stale:
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or we cannot tell: leave it
    return True


def install_file(
    path: Path,
    folder: Path | None = None,
    max_unpacked: int = MAX_UNPACKED,
    shown: str | None = None,
    expect: tuple[str, str] | None = None,
) -> InstalledPackage:
    """Install a .argosmodel: validate, unpack beside the packages folder, then swap in.

    Unpacking happens in a staging folder next to (not inside) the packages folder, so a
    failure at any point leaves the installed packages exactly as they were, and
    argostranslate never sees a half-written package. A package only ever replaces
    installed packages of its own language pair; `expect` is the pair a download was
    asked for, checked before anything is written.
    """
    path = Path(path)
    shown = shown or sanitize.path(path.name)
    checked = validate_archive(path, max_unpacked, shown)
    pair = (checked.metadata["from_code"], checked.metadata["to_code"])
    if expect is not None and pair != expect:
        raise _refuse(shown, f"it translates {pair[0]}→{pair[1]}, not {expect[0]}→{expect[1]} as the index said")
    folder = folder or packages_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale(folder.parent, STAGING_PREFIX)
        staging = Path(tempfile.mkdtemp(prefix=staging_name(STAGING_PREFIX), dir=folder.parent))
    except OSError as error:
        reason = sanitize.line(error.strerror or error)
        raise UserError(
            f"cannot write to the Argos packages folder {sanitize.path(folder)} ({reason}): "
            "check its permissions, or set ARGOS_PACKAGES_DIR"
        ) from None
    try:
        try:
            unpacked = _extract(path, checked, staging, max_unpacked, shown)
        except FileExistsError:
            raise _refuse(shown, "a member appears twice") from None
        except (zipfile.BadZipFile, OSError, EOFError) as error:  # CRC errors, truncation
            raise _refuse(shown, f"it could not be unpacked ({sanitize.line(error)})") from None
        package = _read_package(unpacked)
        if package is None:
            raise _refuse(shown, "its metadata or model files are unusable")
        destination = folder / checked.top
        same_pair = [p for p in installed_packages(folder) if (p.from_code, p.to_code) == pair]
        in_the_way = {p.path for p in same_pair}
        if (destination.exists() or destination.is_symlink()) and destination not in in_the_way:
            occupant = _read_package(destination)
            what = f"installed package {occupant.label}" if occupant else "a folder that is not a package of this pair"
            raise _refuse(shown, f"its folder name {sanitize.line(checked.top)!r} is taken by {what}; remove that first")
        moved: list[tuple[Path, Path]] = []
        try:
            for old in sorted(in_the_way):
                aside = staging / f".old-{old.name}"
                os.replace(old, aside)
                moved.append((aside, old))
            os.replace(unpacked, destination)
        except OSError as error:
            for aside, old in moved:  # put the old packages back
                os.replace(aside, old)
            reason = sanitize.line(error.strerror or error)
            raise UserError(f"could not install {shown} into {sanitize.path(folder)} ({reason}); nothing was changed") from None
        return _read_package(destination)  # type: ignore[return-value]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove(lang: str, folder: Path | None = None) -> list[InstalledPackage]:
    """Remove the packages that translate from `lang`; UserError if there are none."""
    packages = [p for p in installed_packages(folder) if p.from_code == lang]
    if not packages:
        raise UserError(f"no installed model translates from {lang!r}: `briefing models list` shows what is installed")
    for package in packages:
        _remove_folder(package)
    return packages


def _remove_folder(package: InstalledPackage) -> None:
    """Delete one package; a symlinked package loses its link only, never what it points at."""
    path = package.path
    try:
        if path.is_symlink():
            path.unlink()
            return
        for folder in [str(path.parent)] + [f for f, _, _ in os.walk(path)]:  # refuse up front rather than half-delete
            if not os.access(folder, os.W_OK | os.X_OK):
                read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
                raise OSError(errno.EROFS if read_only else errno.EACCES, os.strerror(errno.EROFS if read_only else errno.EACCES), folder)
        shutil.rmtree(path)
    except OSError as error:
        where = sanitize.path(error.filename or path)
        raise UserError(
            f"could not remove {package.label} ({sanitize.line(error.strerror or error)}: {where}): "
            "check the folder's permissions, or remove it by hand"
        ) from None

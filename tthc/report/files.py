"""Every file tthc writes goes through here: nothing half-written, nothing replaced that is not ours.

- A regular file is written to a temp file in its folder, then renamed over the target
  (atomic); an existing file keeps its mode (and, for root, its owner).
- A symlink is written *through*: the file it points to is replaced, the link stays.
- A device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named pipe) is never renamed
  over: the output is built in a temp file elsewhere, then copied into it.
- ``-`` is the standard output.
- Temp files carry the writer's process id (``.NAME.tthc-PID-XXXX.tmp``); one left by a
  killed run (its process gone) is removed the next time that output is written.
- Any OS failure becomes one `WriteError` line: which file, why, what to do.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from tthc.errors import TthcError
from tthc.i18n import T

STDOUT = "-"
_TAG = "tthc-"


class WriteError(TthcError):
    """An output that cannot be written (one line for the user: file, reason, what to do)."""


def is_stdout(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDOUT


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Call `write(tmp_path)` and put the result at `path` only if it succeeded (see the module doc)."""
    path = Path(path)
    try:
        if is_stdout(path):
            _write_via_copy(None, write)
            return
        target = _target(path)
        if target.exists() and not target.is_dir() and not target.is_file():
            _write_via_copy(target, write)  # a device, FIFO or socket: write into it, never rename over it
            return
        if target.is_dir():
            raise _error(path, errno.EISDIR)
        _write_replacing(target, write)
    except WriteError:
        raise
    except BrokenPipeError:
        if is_stdout(path):
            raise  # `tthc … -o - | head`: the reader left; the entry point exits quietly
        raise write_error(path, OSError(errno.EPIPE, os.strerror(errno.EPIPE), str(path))) from None
    except OSError as exc:
        raise write_error(path, exc) from None


def write_text_atomic(path: Path, text: str, *, bom: bool = False) -> None:
    encoding = "utf-8-sig" if bom else "utf-8"
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding=encoding, newline=""))


def write_chunks_atomic(path: Path, chunks: Iterable[str], *, bom: bool = False) -> None:
    """Like :func:`write_text_atomic` for a text made piece by piece (a large report streamed)."""
    encoding = "utf-8-sig" if bom else "utf-8"

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding=encoding, newline="") as out:
            for chunk in chunks:
                out.write(chunk)

    write_atomic(path, write)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def _target(path: Path) -> Path:
    """The file a write lands in: symlinks followed (a dangling link names the file it will create)."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _write_replacing(target: Path, write: Callable[[Path], object]) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder, target.name)
    try:
        before = target.stat()
    except FileNotFoundError:
        before = None
    tmp_path = Path(_mkstemp(folder, target.name))
    try:
        write(tmp_path)
        _sync(tmp_path)
        if before is not None:
            os.chmod(tmp_path, stat.S_IMODE(before.st_mode))
            if os.geteuid() == 0 and (before.st_uid, before.st_gid) != (0, 0):
                os.chown(tmp_path, before.st_uid, before.st_gid)
        else:
            os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; give a new file the usual mode
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def _write_via_copy(target: Path | None, write: Callable[[Path], object]) -> None:
    """Build the output in a private temp folder, then copy it into `target` (None: stdout)."""
    with tempfile.TemporaryDirectory(prefix="tthc-out-") as work:
        tmp_path = Path(work) / "output"
        write(tmp_path)
        with open(tmp_path, "rb") as src:
            if target is None:
                sys.stdout.flush()
                shutil.copyfileobj(src, sys.stdout.buffer)
                sys.stdout.buffer.flush()
                return
            fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "wb") as dst:
                shutil.copyfileobj(src, dst)


def _mkstemp(folder: Path, name: str, suffix: str = ".tmp") -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.{_TAG}{os.getpid()}-", suffix=suffix, dir=folder)
    os.close(fd)
    return tmp


def temp_folder(out: Path) -> Path:
    """A new, empty temp folder next to `out` (for outputs that are folders, like the site)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out.parent, out.name)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.{_TAG}{os.getpid()}-", suffix=".tmp", dir=out.parent))


def remove_stale(folder: Path, name: str) -> list[Path]:
    """Remove temp files and folders of `name` left by tthc runs that no longer exist."""
    removed: list[Path] = []
    prefix = f".{name}.{_TAG}"
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix)]
    except OSError:
        return removed
    for entry in entries:
        pid_text = entry.name[len(prefix) :].split("-", 1)[0]
        if not pid_text.isdigit() or not entry.name.endswith((".tmp", ".old")) or _alive(int(pid_text)):
            continue
        path = Path(entry.path)
        if entry.name.endswith(".old") and not _exists(folder / name):
            continue  # the site moved aside by a killed swap: `restore_folder` puts it back
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def swap_folder(new: Path, out: Path) -> None:
    """Put the finished folder `new` at `out`, replacing what is there, with no moment without `out`.

    On Linux the two folders are exchanged in one step (renameat2 RENAME_EXCHANGE); elsewhere
    the old folder is moved aside first, and a kill between the two renames is repaired by
    `restore_folder` on the next run.
    """
    if not _exists(out):
        os.replace(new, out)
        return
    if _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old folder
        return
    old = Path(_mkstemp(out.parent, out.name, suffix=".old"))
    old.unlink()
    os.replace(out, old)
    try:
        os.replace(new, out)
    except BaseException:
        os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def restore_folder(out: Path) -> bool:
    """After a killed `swap_folder`: put the folder moved aside back when `out` is missing."""
    if _exists(out):
        return False
    prefix = f".{out.name}.{_TAG}"
    try:
        aside = sorted(
            (e.path for e in os.scandir(out.parent) if e.name.startswith(prefix) and e.name.endswith(".old")),
            key=lambda p: os.stat(p).st_mtime,
        )
    except OSError:
        return False
    if not aside:
        return False
    os.replace(aside[-1], out)
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _sync(path: Path) -> None:
    """Data on disk before the rename, so a crash cannot leave an empty file under the old name."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- one line per failure ---------------------------------------------------------------------

_REASONS = {
    errno.EACCES: ("không có quyền truy cập", "permission denied"),
    errno.EPERM: ("không được phép", "operation not permitted"),
    errno.EROFS: ("ổ đĩa chỉ đọc", "read-only file system"),
    errno.ENOSPC: ("hết chỗ trên đĩa", "no space left on device"),
    errno.EDQUOT: ("hết hạn mức đĩa", "disk quota exceeded"),
    errno.EFBIG: ("tệp vượt giới hạn kích thước", "file too large"),
    errno.EISDIR: ("là một thư mục", "is a folder"),
    errno.ENOTDIR: ("một phần đường dẫn không phải thư mục", "a part of the path is not a folder"),
    errno.ENOENT: ("không có thư mục chứa", "the folder does not exist"),
    errno.EEXIST: ("một phần đường dẫn là tệp, không phải thư mục", "a part of the path is a file, not a folder"),
    errno.ENAMETOOLONG: ("tên tệp quá dài", "file name too long"),
    errno.EPIPE: ("nơi nhận đã đóng", "the reader closed the pipe"),
}
_ADVICE = {
    errno.EACCES: ("chọn thư mục khác hoặc cấp quyền", "choose another folder or grant access"),
    errno.EPERM: ("chọn thư mục khác hoặc cấp quyền", "choose another folder or grant access"),
    errno.EROFS: ("chọn thư mục trên ổ ghi được", "choose a folder on a writable disk"),
    errno.ENOSPC: ("giải phóng chỗ trống rồi chạy lại", "free some space and run again"),
    errno.EDQUOT: ("giải phóng chỗ trống rồi chạy lại", "free some space and run again"),
    errno.EFBIG: (
        "giải phóng chỗ trống hoặc chọn ổ khác rồi chạy lại",
        "free space or choose another disk, then retry",
    ),
    errno.EISDIR: ("cho tên tệp, ví dụ -o thu-muc/ket-qua.json", "give a file name, e.g. -o folder/result.json"),
}


def _error(path: Path, code: int) -> WriteError:
    return write_error(path, OSError(code, os.strerror(code), str(path)))


def write_error(path: Path | str, exc: OSError, *, writing: bool = True) -> WriteError:
    """One line: `path: không ghi được — reason (OS text); what to do` (`writing=False`: any access)."""
    code = exc.errno or 0
    vi, en = _REASONS.get(code, ("lỗi hệ thống", "system error"))
    os_text = exc.strerror or str(exc)
    todo_vi, todo_en = _ADVICE.get(code, ("kiểm tra đường dẫn rồi chạy lại", "check the path and run again"))
    where = exc.filename if exc.filename and str(exc.filename) != str(path) else None
    at = f" ({where})" if where else ""
    name = "stdout" if is_stdout(path) else str(path)
    verb_vi, verb_en = ("không ghi được — ", "cannot write — ") if writing else ("", "")
    return WriteError(
        T(
            f"{name}: {verb_vi}{vi} ({os_text}){at}; {todo_vi}",
            f"{name}: {verb_en}{en} ({os_text}){at}; {todo_en}",
        )
    )

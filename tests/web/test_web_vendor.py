"""The front-end libraries: pinned by version and hash, checked before anything is written."""
from __future__ import annotations

import base64
import hashlib
import io
import tarfile

import pytest

from claimgraph.web.vendor import PACKAGES, Package, VendorError, check_integrity, extract, present, vendor


def tarball(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


LIB = b"/*! lib */ window.lib = 1;"
TGZ = tarball({"package/dist/lib.min.js": LIB, "package/README.md": b"readme"})
PKG = Package("lib", "1.0.0", integrity(TGZ),
              {"package/dist/lib.min.js": ("lib.min.js", hashlib.sha256(LIB).hexdigest())})


def test_extract_writes_only_the_pinned_files(tmp_path):
    assert not present(PKG, tmp_path)
    written = extract(PKG, TGZ, tmp_path)
    assert written == [tmp_path / "lib.min.js"]
    assert (tmp_path / "lib.min.js").read_bytes() == LIB
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib.min.js"]
    assert present(PKG, tmp_path)


def test_a_tarball_that_is_not_the_pinned_one_is_refused(tmp_path):
    other = tarball({"package/dist/lib.min.js": b"window.evil = 1;"})
    with pytest.raises(VendorError, match="integrity mismatch"):
        extract(PKG, other, tmp_path)
    assert not (tmp_path / "lib.min.js").exists()


def test_a_file_that_does_not_match_its_pin_is_refused(tmp_path):
    bad = Package("lib", "1.0.0", PKG.integrity, {"package/dist/lib.min.js": ("lib.min.js", "0" * 64)})
    with pytest.raises(VendorError, match="sha256"):
        extract(bad, TGZ, tmp_path)
    missing = Package("lib", "1.0.0", PKG.integrity, {"package/dist/other.js": ("other.js", "0" * 64)})
    with pytest.raises(VendorError, match="not a file in the tarball"):
        extract(missing, TGZ, tmp_path)


def test_a_changed_file_is_fetched_again_and_a_present_one_is_not(tmp_path):
    extract(PKG, TGZ, tmp_path)
    assert vendor(tmp_path, [PKG]) == []  # in place: no download is attempted
    (tmp_path / "lib.min.js").write_bytes(b"edited")
    assert not present(PKG, tmp_path)


def test_integrity_strings():
    check_integrity(b"abc", integrity(b"abc"))
    with pytest.raises(VendorError):
        check_integrity(b"abd", integrity(b"abc"))
    with pytest.raises(VendorError, match="unsupported"):
        check_integrity(b"abc", "md5-kAFQmDzST7DWlj99KOF/cg==")


def test_the_pinned_libraries_are_installed():
    """`make install` put every pinned file in place, with its pinned hash."""
    for pkg in PACKAGES:
        assert present(pkg), f"{pkg.name}@{pkg.version} missing or changed: run `make install`"
        assert pkg.url == f"https://registry.npmjs.org/{pkg.name}/-/{pkg.name}-{pkg.version}.tgz"

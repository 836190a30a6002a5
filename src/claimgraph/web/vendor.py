"""Fetch the web app's front-end libraries from the npm registry, pinned by version and hash.

Run by `make install` (`python -m claimgraph.web.vendor`). Each package tarball is checked
against the `dist.integrity` (sha512) the registry published for that version, then the files
the app needs are extracted into `static/vendor/`. A file already there with its pinned SHA-256
is left alone, so the step costs nothing once done and works offline from then on.
Nothing is loaded from a CDN at run time.
"""
from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VENDOR_DIR = Path(__file__).parent / "static" / "vendor"
REGISTRY = "https://registry.npmjs.org"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str  # the registry's dist.integrity for this version
    files: dict[str, tuple[str, str]]  # path in the tarball → (file name in vendor/, its sha256)

    @property
    def url(self) -> str:
        return f"{REGISTRY}/{self.name}/-/{self.name}-{self.version}.tgz"


PACKAGES = [
    Package(
        "cytoscape", "3.34.4",
        "sha512-msY99tMY8iWTg+sIPGfSqDcPNOt4xcj+v/K/7qUFaCUxxlqnMkUYLBjRUzn9W5CU/R2hrmtJa5+UtovrEM2ctg==",
        {"package/dist/cytoscape.min.js":
             ("cytoscape.min.js", "081591ab735b2b6a3b31a3c60f8f3a3e2fee8c92939e0c7820ad1208571b6cd8"),
         "package/LICENSE":
             ("cytoscape.LICENSE.txt", "eb319c6e6f233607f71e8e2f450391751883cfc0eeb3ca7ef574c13d1d9c2203")},
    ),
    # the network's force layout (fcose) and the two libraries it is built on, in load order
    Package(
        "layout-base", "2.0.1",
        "sha512-dp3s92+uNI1hWIpPGH3jK2kxE2lMjdXdr+DH8ynZHpd6PUlH6x6cbuXnoMmiNumznqaNO31xu9e79F0uuZ0JFg==",
        {"package/layout-base.js":
             ("layout-base.js", "ec15ab5df9af3f20708f4faab994accf91cda71848cd5bb10a23432cc50b6745"),
         "package/LICENSE":
             ("layout-base.LICENSE.txt", "eabb762d8a95109a39c9be3247325529a5239a7aca327d909c3ccdc41f3a06bf")},
    ),
    Package(
        "cose-base", "2.2.0",
        "sha512-AzlgcsCbUMymkADOJtQm3wO9S3ltPfYOFD5033keQn9NJzIbtnZj+UdBJe7DYml/8TdbtHJW3j58SOnKhWY/5g==",
        {"package/cose-base.js":
             ("cose-base.js", "7cae9509bd36235a63a85e71c8d9fa2cd0bc1d0c1ecc5b5a737976f39d040ddf"),
         "package/LICENSE":
             ("cose-base.LICENSE.txt", "5fb3cf4a14c3c5af6e473a192df8bca10c77754e3a0c6492c79fb92a76a5478a")},
    ),
    Package(
        "cytoscape-fcose", "2.2.0",
        "sha512-ki1/VuRIHFCzxWNrsshHYPs6L7TvLu3DL+TyIGEsRcvVERmxokbf5Gdk7mFxZnTdiGtnA4cfSmjZJMviqSuZrQ==",
        {"package/cytoscape-fcose.js":
             ("cytoscape-fcose.js", "4b1cab218d74996aa59cd8473f9239cc6398b8c1774d84d7e59ad9a68959cb57"),
         "package/LICENSE":
             ("cytoscape-fcose.LICENSE.txt", "2837634f403949215760fcdd2fa1ed0c64875d02099ecc8318c704b852f1421d")},
    ),
    Package(  # the API reference page, /docs
        "swagger-ui-dist", "5.35.0",
        "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ==",
        {"package/swagger-ui-bundle.js":
             ("swagger-ui-bundle.js", "e6a898692f2d768e807c3ba4626068a69a2c5dd960dd6c76f3e4d3a3de180af2"),
         "package/swagger-ui.css":
             ("swagger-ui.css", "5ed08757e53da3e026d6cbecc61fe5d43585c9560b302d534ad56692519a273d"),
         "package/LICENSE":
             ("swagger-ui.LICENSE.txt", "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30"),
         "package/NOTICE":
             ("swagger-ui.NOTICE.txt", "0d20d1adef18aee3f40dd258172155521ce702ac445cb5f7b7d60ed32dad2fb2")},
    ),
    Package(  # the map (#/map and the events page's map panel), loaded only on those pages
        "leaflet", "1.9.4",
        "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
        {"package/dist/leaflet.js":
             ("leaflet.js", "db49d009c841f5ca34a888c96511ae936fd9f5533e90d8b2c4d57596f4e5641a"),
         "package/dist/leaflet.css":
             ("leaflet.css", "a7837102824184820dfa198d1ebcd109ff6d0ff9a2672a074b9a1b4d147d04c6"),
         "package/LICENSE":
             ("leaflet.LICENSE.txt", "53e8dc25862014e4324741ca18fbe3611e11d42ef69f59f86ea8c5389647d4cb")},
    ),
    Package(
        "leaflet.markercluster", "1.5.3",
        "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA==",
        {"package/dist/leaflet.markercluster.js":
             ("leaflet.markercluster.js", "1e4e1d22972a3926f48598e0caf14e3fe7049835d428a344fed4f9e3665b3508"),
         "package/dist/MarkerCluster.css":
             ("MarkerCluster.css", "614dea0a98ff3f4ead74f04918f6b1d1b9ba435c25b5fc23b21a394d1e3e4d87"),
         "package/MIT-LICENCE.txt":
             ("leaflet.markercluster.LICENSE.txt", "3133dacd38250bd1f524d8166cc60a016a382522e062fce143691c65bf5e4b3d")},
    ),
    Package(  # the basemap: Natural Earth 1:50m country borders (public domain) as TopoJSON
        "world-atlas", "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
        {"package/countries-50m.json":
             ("world-atlas-countries-50m.json", "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"),
         "package/LICENSE":
             ("world-atlas.LICENSE.txt", "8048290dfdb6e83fbed17e8985c8cfc4ce9da9b842642f3d3e497280790cfa31"),
         "package/README.md":
             ("world-atlas.README.md", "6fb00482638ef8f6618099e71e3422713c2dd60c7deedcd96d4b95f61d124b9b")},
    ),
    Package(  # TopoJSON → GeoJSON for Leaflet
        "topojson-client", "3.1.0",
        "sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw==",
        {"package/dist/topojson-client.min.js":
             ("topojson-client.min.js", "25cd02ae486cc5063e0215a4e4cfb15de83700c87ac48bac4d57dc6aaf3ebb89"),
         "package/LICENSE":
             ("topojson-client.LICENSE.txt", "4c4d15b635e04e691825a76db7d33f7f2033b55669a7430011694f31e6c65999")},
    ),
]


class VendorError(RuntimeError):
    """A download failed or did not match its pinned hash."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_integrity(data: bytes, integrity: str) -> None:
    """Raise VendorError unless `data` matches a Subresource-Integrity string ("sha512-<base64>")."""
    algo, _, expected = integrity.partition("-")
    if algo not in ("sha512", "sha384", "sha256"):
        raise VendorError(f"unsupported integrity algorithm {algo!r}")
    actual = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if actual != expected:
        raise VendorError(f"integrity mismatch: expected {integrity}, got {algo}-{actual}")


def present(pkg: Package, target: Path = VENDOR_DIR) -> bool:
    """True when every file of `pkg` is in `target` with its pinned hash."""
    for name, sha in pkg.files.values():
        path = target / name
        if not path.is_file() or _sha256(path.read_bytes()) != sha:
            return False
    return True


def extract(pkg: Package, tarball: bytes, target: Path = VENDOR_DIR) -> list[Path]:
    """Check `tarball` against the pinned integrity and write the package's files into `target`."""
    check_integrity(tarball, pkg.integrity)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for member, (name, sha) in pkg.files.items():
            try:
                f = tar.extractfile(member)  # read by name: no path from the archive touches the disk
            except KeyError:
                f = None
            if f is None:
                raise VendorError(f"{pkg.name}-{pkg.version}: {member} is not a file in the tarball")
            data = f.read()
            if _sha256(data) != sha:
                raise VendorError(f"{pkg.name}-{pkg.version}: {member} does not match its pinned sha256")
            (target / name).write_bytes(data)
            written.append(target / name)
    return written


def fetch(url: str, timeout: float = 60) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (a fixed https URL)
        return response.read()


def vendor(target: Path = VENDOR_DIR, packages=PACKAGES) -> list[str]:
    """Fetch and extract every package not already present; returns the names fetched."""
    fetched = []
    for pkg in packages:
        if present(pkg, target):
            continue
        extract(pkg, fetch(pkg.url), target)
        fetched.append(f"{pkg.name}@{pkg.version}")
    return fetched


def main() -> int:
    try:
        fetched = vendor()
    except (OSError, VendorError) as err:
        print(f"claimgraph.web.vendor: {err}", file=sys.stderr)
        return 1
    print("vendored " + ", ".join(fetched) if fetched else "front-end libraries already in place")
    return 0


if __name__ == "__main__":
    sys.exit(main())

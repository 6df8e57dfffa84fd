"""The offline basemap: Natural Earth country outlines (1:110m, from the world-atlas TopoJSON
shipped under data/geo/) drawn as SVG paths in an equirectangular projection.

Decoding TopoJSON takes a few lines (quantised, delta-encoded arcs shared between neighbours),
so the package needs no GIS library and the page no map script.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

WIDTH, HEIGHT = 960.0, 480.0
# Latitudes shown: Antarctica and the far north carry no events worth the space.
NORTH, SOUTH = 84.0, -58.0
VIEWBOX = f"0 {(90 - NORTH) * HEIGHT / 180:.1f} {WIDTH:.0f} {(NORTH - SOUTH) * HEIGHT / 180:.1f}"


def project(lat: float, lon: float) -> tuple[float, float]:
    return (lon + 180.0) * WIDTH / 360.0, (90.0 - lat) * HEIGHT / 180.0


@functools.cache
def country_paths() -> tuple[tuple[str, str], ...]:
    """(country name, SVG path data) for every country outline."""
    topology = json.loads(resources.files("tacitus.data").joinpath("geo/countries-110m.json").read_text("utf-8"))
    arcs = _decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        paths.append((geometry.get("properties", {}).get("name", ""), " ".join(_path(ring) for ring in rings)))
    return tuple(paths)


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]  # ~i: arc i walked backwards
        points.extend(arc if not points else arc[1:])
    return points


def _path(ring: list[tuple[float, float]]) -> str:
    """Path data of one ring; a jump across the antimeridian starts a new subpath instead of a
    line across the whole map."""
    parts = []
    previous_lon = None
    for lon, lat in ring:
        x, y = project(lat, lon)
        command = "M" if previous_lon is None or abs(lon - previous_lon) > 180 else "L"
        parts.append(f"{command}{x:.1f},{y:.1f}")
        previous_lon = lon
    return "".join(parts) + "Z"

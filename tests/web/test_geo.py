import re

from tacitus.web.geo import HEIGHT, WIDTH, country_paths, project


def test_projection_puts_known_places_where_expected():
    assert project(0, 0) == (WIDTH / 2, HEIGHT / 2)
    x, y = project(33.5, 36.3)  # Damascus: east of centre, north of the equator
    assert x > WIDTH / 2 and y < HEIGHT / 2


def test_every_country_outline_is_a_closed_path_inside_the_map():
    paths = dict(country_paths())
    assert len(paths) > 170
    assert {"Iran", "United States of America", "Syria", "Fiji"} <= set(paths)
    for d in paths.values():
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
        xs, ys = numbers[0::2], numbers[1::2]
        assert d.startswith("M") and d.endswith("Z")
        assert 0 <= min(xs) and max(xs) <= WIDTH and 0 <= min(ys) and max(ys) <= HEIGHT


def test_an_outline_across_the_antimeridian_is_split_not_drawn_across_the_map():
    fiji = dict(country_paths())["Fiji"]
    for subpath in fiji.split("M")[1:]:
        xs = [float(x) for x in re.findall(r"(-?\d+\.\d),", subpath)]
        assert max(xs) - min(xs) < WIDTH / 2

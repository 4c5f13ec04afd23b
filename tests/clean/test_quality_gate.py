"""The boilerplate quality gate: scores on the project's annotated dumps must
stay at or above the floors in bench/floors.json."""

import json

from triangulate.evaluate.boilerplate import metadata_accuracy, read_gold_dir, score, triangulate_system


def test_quality_gate_boilerplate_lines(root):
    floors = json.loads((root / "bench" / "floors.json").read_text())["boilerplate"]
    dumps = read_gold_dir(root / "bench" / "gold" / "boilerplate")
    assert len(dumps) >= 30
    scores = score(dumps, triangulate_system()(dumps))
    assert scores.boilerplate_recall >= floors["boilerplate_recall"], scores.missed
    assert scores.text_kept >= floors["text_kept"], scores.lost
    assert scores.boilerplate_precision >= floors["boilerplate_precision"]


def test_quality_gate_metadata(root):
    floors = json.loads((root / "bench" / "floors.json").read_text())["metadata"]
    accuracy = metadata_accuracy(read_gold_dir(root / "bench" / "gold" / "boilerplate"))
    for key, floor in floors.items():
        assert accuracy[key] >= floor, (key, accuracy[key])


def test_quality_gate_boilerplate_lines_held_out(root):
    """The held-out dumps were written by someone who had not seen the rules,
    and the rules were not changed after seeing them: a check that the rules
    generalise beyond the dumps they were written against."""
    floors = json.loads((root / "bench" / "floors.json").read_text())["boilerplate_heldout"]
    dumps = read_gold_dir(root / "bench" / "gold" / "boilerplate-heldout")
    assert len(dumps) >= 12
    scores = score(dumps, triangulate_system()(dumps))
    assert scores.boilerplate_recall >= floors["boilerplate_recall"], scores.missed
    assert scores.text_kept >= floors["text_kept"], scores.lost
    assert scores.boilerplate_precision >= floors["boilerplate_precision"]

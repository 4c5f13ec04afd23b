"""The pipeline's guarantees over its inputs as a whole: order does not matter,
and sources nothing names are reported as such."""

from __future__ import annotations

from triangulate.pipeline import brief
from triangulate.report.json import briefing_to_dict


def test_pipeline_same_files_in_another_order_give_the_same_briefing(example_dir, example_briefing, settings):
    files = sorted(str(p) for p in example_dir.iterdir() if not p.name.startswith("."))
    shuffled = files[3:] + files[:3][::-1]
    assert shuffled != files
    again = brief(shuffled, settings)
    assert briefing_to_dict(again) == briefing_to_dict(brief(files, settings))
    assert [a.id for a in again.articles] == [a.id for a in example_briefing.articles]


def test_pipeline_duplicate_file_names_get_the_same_ids_in_any_order(tmp_path, settings):
    from triangulate.ingest import read_inputs

    for folder, text in (("a", "The first report of the storm."), ("b", "The second report of the storm.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text)
    one = list(read_inputs([str(tmp_path / "a"), str(tmp_path / "b")], settings, sort=True))
    two = list(read_inputs([str(tmp_path / "b"), str(tmp_path / "a")], settings, sort=True))
    assert [(d.id, d.content) for d in one] == [(d.id, d.content) for d in two]


def test_pipeline_articles_without_outlet_evidence_are_reported_as_unknown_outlets(tmp_path, settings):
    sentences = [
        "The river Ilm rose two metres overnight and the old bridge was closed to traffic on Monday.",
        "Residents of the lower town were moved to the sports hall while the water kept rising.",
        "The city council said buses would run over the northern bridge until the flood passed.",
    ]
    for number in range(6):
        (tmp_path / f"note{number}.txt").write_text(sentences[number % 3] + f" Note {number}.")
    briefing = brief([str(tmp_path)], settings)
    assert briefing.event.sources == 6
    (warning,) = [w for w in briefing.event.warnings if w.startswith("unknown outlet")]
    assert "6 of the 6 independent sources" in warning
    assert all(any(w.startswith("outlet unknown") for w in a.warnings) for a in briefing.articles)


def test_pipeline_named_outlets_raise_no_unknown_outlet_warning(example_briefing):
    assert not any(w.startswith("unknown outlet") for w in example_briefing.event.warnings)

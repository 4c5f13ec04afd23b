import triangulate


def test_exported_members_are_the_public_api():
    assert triangulate.__all__ == [
        "Article", "Briefing", "Rejected", "Settings", "TriangulateError", "__version__",
        "brief", "brief_documents", "render", "schema", "to_dict",
    ]
    for name in triangulate.__all__:
        assert getattr(triangulate, name) is not None, name


def test_exported_members_are_listed_by_dir_before_first_use():
    assert set(triangulate.__all__) <= set(dir(triangulate))


def test_exported_members_brief_and_render_work_together(example_dir):
    briefing = triangulate.brief([str(example_dir)], triangulate.Settings(summary_sentences=2))
    assert len(briefing.summary) == 2
    assert triangulate.render(briefing, "md").startswith("# ")


def test_exported_members_settings_have_defaults_everywhere(example_dir):
    briefing = triangulate.brief([str(example_dir / "mpa-wire.txt")])
    assert briefing.summary and triangulate.to_dict(briefing)["schema"] == "triangulate.briefing/1"

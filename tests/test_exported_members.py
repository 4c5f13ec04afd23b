import triangulate


def test_exported_members_are_the_public_api():
    assert triangulate.__all__ == [
        "Article", "Briefing", "Rejected", "Settings", "TriangulateError", "__version__", "brief", "render",
    ]
    for name in triangulate.__all__:
        assert getattr(triangulate, name) is not None, name


def test_exported_members_brief_and_render_work_together(example_dir):
    briefing = triangulate.brief([str(example_dir)], triangulate.Settings(summary_sentences=2))
    assert len(briefing.summary) == 2
    assert triangulate.render(briefing, "md").startswith("# ")

"""A Python-Markdown extension the generated pages need: ``<caption>`` is a block element.

Without it, md_in_html wraps a table caption in a paragraph (invalid HTML, and screen readers
lose the caption). Use as ``markdown_extensions: [minutebook.render.markdown_ext]``.
"""

from markdown.extensions import Extension


class CaptionExtension(Extension):
    def extendMarkdown(self, md):
        for tag in ("caption", "address"):
            if tag not in md.block_level_elements:
                md.block_level_elements.append(tag)


def makeExtension(**kwargs):
    return CaptionExtension(**kwargs)

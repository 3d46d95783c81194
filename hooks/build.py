"""The build's one MkDocs hook. MkDocs calls it at every stage of a build; the steps of each
stage, in order, are in sitebuild/steps.py."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sitebuild.steps import (on_build_error, on_config, on_files, on_nav, on_page_content,  # noqa: E402,F401
                             on_page_context, on_post_build, on_post_page, on_post_template, on_startup)

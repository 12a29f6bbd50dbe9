"""Parts shared by the pages: table editor, labels, icons, results panel, small controls."""

"""The application shell: entry point, main window, routing, the open project, files.

Also the recent-files list and the render worker.
"""

"""Entry script of the frozen bundle: runs ``ungedesk.cli:main`` like the installed console script.

One hidden first argument is handled here rather than in the CLI: ``--bundle-self-test``
starts Qt (offscreen if no display is set), builds a chart and a window, loads the Danish Qt
translation and the icon, imports every UI module, and prints what it found. It exists to prove
that the *bundle* is complete (Qt plugins, QtCharts, translations, lazily imported UI modules),
which a test in the source tree cannot show. It touches no data and is safe to leave in.
"""

from __future__ import annotations

import multiprocessing
import sys

SELF_TEST_FLAG = "--bundle-self-test"


def bundle_self_test() -> int:
    """Start Qt without a user, check the parts only a bundle can lose; 0 when all are there."""
    import importlib
    import os
    import pkgutil
    from pathlib import Path

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        # No display on a build server: offscreen still loads the platform plugin machinery.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCharts import QChart, QChartView, QLineSeries
    from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMainWindow

    import ungedesk

    problems: list[str] = []
    app = QApplication([sys.argv[0]])
    print(f"qt: {QLibraryInfo.version().toString()} platform={app.platformName()}")

    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if translator.load(QLocale(QLocale.Language.Danish), "qtbase", "_", qt_translations):
        print("qt translation: qtbase_da loaded")
    else:
        problems.append(f"qtbase_da.qm not found in {qt_translations}")

    base = Path(ungedesk.__file__).resolve().parent.parent
    icon_files = [base / "ungedesk.png", *sorted((base / "resources" / "icons").glob("*"))]
    for icon_file in icon_files:
        if icon_file.is_file() and QIcon(str(icon_file)).isNull():
            problems.append(f"icon does not load (image format plugin missing?): {icon_file.name}")
    resources = base / "resources"
    count = sum(1 for p in resources.rglob("*") if p.is_file()) if resources.is_dir() else 0
    print(f"resources: {count} files")

    series = QLineSeries()
    for x, y in ((0, 1), (1, 3), (2, 2)):
        series.append(x, y)
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    window = QMainWindow()
    window.setCentralWidget(QChartView(chart))
    window.resize(640, 480)
    window.show()
    grabbed = window.grab()
    if grabbed.isNull():
        problems.append("could not render a window with a chart")
    else:
        print(f"chart window rendered: {grabbed.width()}x{grabbed.height()}")

    # Every UI module must import in the bundle: lazily imported views are what a frozen app
    # loses first.
    import ungedesk.ui

    for info in pkgutil.walk_packages(ungedesk.ui.__path__, "ungedesk.ui."):
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # report every broken module, not just the first
            problems.append(f"import {info.name}: {type(exc).__name__}: {exc}")
    print("ui modules imported")

    window.close()
    QTimer.singleShot(0, app.quit)
    app.exec()
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    print("bundle self-test:", "FAILED" if problems else "OK")
    return 1 if problems else 0


def main() -> int:
    # A no-op unless something starts worker processes; required before that in a frozen app.
    multiprocessing.freeze_support()
    if sys.argv[1:2] == [SELF_TEST_FLAG]:
        return bundle_self_test()
    from ungedesk.cli import main as cli_main

    result = cli_main()
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())

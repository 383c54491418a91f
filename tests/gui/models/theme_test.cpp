// Theme follows the system live: with Preferences on "system", a change of the
// application palette (what a desktop's theme switch delivers on Qt 6.4) flips Theme.dark
// without a restart; a pinned theme ignores it.
#include "controllers/preferences.h"

#include <QGuiApplication>
#include <QPalette>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

class ThemeTest : public QObject {
    Q_OBJECT
private:
    static QPalette paletteWithWindow(const QColor &window)
    {
        QPalette p = QGuiApplication::palette();
        for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled})
            p.setColor(group, QPalette::Window, window);
        return p;
    }

private slots:
    void followsTheSystemPaletteLive()
    {
        Preferences::instance()->setTheme(QStringLiteral("system"));
        QGuiApplication::setPalette(paletteWithWindow(QColor(QStringLiteral("#f0f0f0"))));
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent component(&engine);
        component.setData("import QtQuick\nimport Berth\nQtObject { property bool dark: Theme.dark; "
                          "property color window: Theme.window }",
                          QUrl());
        std::unique_ptr<QObject> probe(component.create());
        QVERIFY2(probe, qPrintable(component.errorString()));
        QCOMPARE(probe->property("dark").toBool(), false);
        const QColor light = probe->property("window").value<QColor>();

        QGuiApplication::setPalette(paletteWithWindow(QColor(QStringLiteral("#202020"))));
        QTRY_COMPARE(probe->property("dark").toBool(), true);
        QVERIFY(probe->property("window").value<QColor>() != light);

        // Pinned: the system's change does not matter.
        Preferences::instance()->setTheme(QStringLiteral("light"));
        QCOMPARE(probe->property("dark").toBool(), false);
        QGuiApplication::setPalette(paletteWithWindow(QColor(QStringLiteral("#101010"))));
        QTest::qWait(50);
        QCOMPARE(probe->property("dark").toBool(), false);

        Preferences::instance()->setTheme(QStringLiteral("system"));
        QGuiApplication::setPalette(paletteWithWindow(QColor(QStringLiteral("#fafafa"))));
        QTRY_COMPARE(probe->property("dark").toBool(), false);
    }
};

QTEST_MAIN(ThemeTest)
#include "theme_test.moc"

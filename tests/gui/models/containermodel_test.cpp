// ContainerModel and the sidebar's ContainerFilterModel: single-row changes, running
// before stopped, filtering by name or image.
#include "models/containerfiltermodel.h"
#include "models/containermodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

namespace {
ContainerRecord container(const QString &id, const QString &name, const QString &state)
{
    return ContainerRecord{id, name, QStringLiteral("busybox:latest"), state, state, {}};
}
}  // namespace

class ContainerModelTest : public QObject {
    Q_OBJECT
private slots:
    void eventsChangeSingleRows()
    {
        ContainerModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.upsert(container(QStringLiteral("1"), QStringLiteral("web"), QStringLiteral("created")));
        m.upsert(container(QStringLiteral("1"), QStringLiteral("web"), QStringLiteral("running")));
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.index(0).data(ContainerModel::SectionRole).toString(), QStringLiteral("running"));
        m.upsert(container(QStringLiteral("1"), QStringLiteral("web"), QStringLiteral("exited")));
        QCOMPARE(m.index(0).data(ContainerModel::SectionRole).toString(), QStringLiteral("stopped"));
        m.removeById(QStringLiteral("1"));
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
    }

    void runningComeFirstThenByName()
    {
        ContainerModel m;
        m.resetAll({container(QStringLiteral("1"), QStringLiteral("zeta"), QStringLiteral("running")),
                    container(QStringLiteral("2"), QStringLiteral("alpha"), QStringLiteral("exited")),
                    container(QStringLiteral("3"), QStringLiteral("beta"), QStringLiteral("paused"))});
        ContainerFilterModel f;
        QAbstractItemModelTester tester(&f, QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.setContainers(&m);
        QCOMPARE(f.rowCount(), 3);
        QCOMPARE(f.index(0, 0).data(ContainerModel::NameRole).toString(), QStringLiteral("beta"));
        QCOMPARE(f.index(1, 0).data(ContainerModel::NameRole).toString(), QStringLiteral("zeta"));
        QCOMPARE(f.index(2, 0).data(ContainerModel::NameRole).toString(), QStringLiteral("alpha"));

        // A container that stops moves to the stopped section.
        m.upsert(container(QStringLiteral("1"), QStringLiteral("zeta"), QStringLiteral("exited")));
        QCOMPARE(f.index(2, 0).data(ContainerModel::NameRole).toString(), QStringLiteral("zeta"));
    }

    void filterMatchesNameOrImage()
    {
        ContainerModel m;
        m.resetAll({container(QStringLiteral("1"), QStringLiteral("web"), QStringLiteral("running")),
                    container(QStringLiteral("2"), QStringLiteral("db"), QStringLiteral("exited"))});
        ContainerFilterModel f;
        f.setContainers(&m);
        QSignalSpy count(&f, &ContainerFilterModel::countChanged);
        f.setFilterText(QStringLiteral("WE"));
        QCOMPARE(f.rowCount(), 1);
        QVERIFY(count.count() >= 1);
        f.setFilterText(QStringLiteral("busybox"));
        QCOMPARE(f.rowCount(), 2);
        f.setFilterText(QStringLiteral("nothing"));
        QCOMPARE(f.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(ContainerModelTest)
#include "containermodel_test.moc"

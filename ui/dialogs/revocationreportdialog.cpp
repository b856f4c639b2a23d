// SPDX-License-Identifier: GPL-3.0-or-later
#include "revocationreportdialog.h"

#include "icons.h"
#include "views/accountdelegate.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
enum Column { TokenColumn, AccountColumn, OutcomeColumn, DetailsColumn };
} // namespace

RevocationReportDialog::RevocationReportDialog(EmergencyRevocation *revocation, const QString &scope, QWidget *parent)
    : QDialog(parent)
    , m_revocation(revocation)
    , m_heading(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_list(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry Failed"), this))
{
    setObjectName(u"revocationReport"_s);
    setWindowTitle(tr("Emergency Revocation Report"));
    resize(860, 440);
    m_heading->setObjectName(u"revocationHeading"_s);
    m_heading->setText(tr("<b>Emergency revocation: %1</b>").arg(scope.toHtmlEscaped()));
    m_progress->setObjectName(u"revocationProgress"_s);
    m_progress->setAccessibleName(tr("Revocation progress"));
    m_progress->setFormat(tr("%v of %m tokens done"));
    m_list->setObjectName(u"revocationReportList"_s);
    m_list->setAccessibleName(tr("Revocation report"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Token"), tr("Account"), tr("Outcome"), tr("Details")});
    m_list->header()->setStretchLastSection(true);
    m_summary->setObjectName(u"revocationSummary"_s);
    m_summary->setWordWrap(true);
    m_retry->setObjectName(u"retryFailedButton"_s);
    m_retry->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_progress);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    m_list->setUpdatesEnabled(false);
    for (const EmergencyRevocation::Item &item : revocation->items())
        showItem(item);
    m_list->setUpdatesEnabled(true);
    m_progress->setRange(0, int(revocation->items().size()));
    connect(revocation, &EmergencyRevocation::itemFinished, this, &RevocationReportDialog::showItem);
    connect(revocation, &EmergencyRevocation::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(revocation, &EmergencyRevocation::finished, this, &RevocationReportDialog::onFinished);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_retry->setEnabled(false);
        m_summary->setText(tr("Retrying the failed tokens…"));
        m_revocation->retryFailed();
    });
    if (!revocation->isRunning() && !revocation->items().isEmpty())
        onFinished();
}

void RevocationReportDialog::showItem(const EmergencyRevocation::Item &item)
{
    QTreeWidgetItem *line = m_items.value(item.tokenId);
    if (!line) {
        line = new QTreeWidgetItem(m_list, {item.tokenName, item.accountName});
        m_items.insert(item.tokenId, line);
    }
    QString outcome;
    QString details;
    QIcon icon;
    QColor color;
    using Outcome = EmergencyRevocation::Item::Outcome;
    switch (item.outcome) {
    case Outcome::Planned:
        outcome = m_revocation->isRunning() ? tr("Revoking…") : tr("Planned");
        details = item.versions.join(u", "_s);
        break;
    case Outcome::Revoked:
        outcome = tr("✔ Revoked");
        details = item.versions.join(u", "_s);
        color = AccountDelegate::okColor();
        break;
    case Outcome::Failed:
        outcome = tr("✘ Failed");
        details = item.message;
        color = AccountDelegate::overdueColor();
        break;
    case Outcome::NotPossible:
        outcome = tr("⚠ Stays valid");
        details = item.stillValidUntil.isValid()
            ? tr("until %1: %2")
                  .arg(QLocale().toString(item.stillValidUntil.toLocalTime(), QLocale::ShortFormat), item.message)
            : item.message;
        color = AccountDelegate::dueSoonColor();
        break;
    }
    line->setText(OutcomeColumn, outcome);
    line->setText(DetailsColumn, details);
    line->setToolTip(DetailsColumn, details);
    if (color.isValid())
        line->setForeground(OutcomeColumn, color);
}

int RevocationReportDialog::count(EmergencyRevocation::Item::Outcome outcome) const
{
    int n = 0;
    for (const EmergencyRevocation::Item &item : m_revocation->items())
        n += item.outcome == outcome;
    return n;
}

void RevocationReportDialog::onFinished()
{
    using Outcome = EmergencyRevocation::Item::Outcome;
    for (const EmergencyRevocation::Item &item : m_revocation->items())
        showItem(item);
    const int failed = count(Outcome::Failed);
    m_progress->setValue(m_progress->maximum());
    m_summary->setText(tr("%1 revoked, %2 failed, %3 stay valid.")
                           .arg(count(Outcome::Revoked))
                           .arg(failed)
                           .arg(count(Outcome::NotPossible)));
    m_retry->setEnabled(failed > 0);
    for (int column : {TokenColumn, AccountColumn, OutcomeColumn})
        m_list->resizeColumnToContents(column);
}

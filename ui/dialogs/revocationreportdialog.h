// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emergencyrevocation.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// The emergency revocation as it happens and afterwards: a progress bar, then one line per token
// with what was revoked, what failed and the provider's reason, and what stays valid and until
// when. "Retry Failed" revokes the failed tokens again; the lines update in place.
class RevocationReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationReportDialog)

public:
    // Watches `revocation`, which must outlive the dialog or be its child.
    RevocationReportDialog(EmergencyRevocation *revocation, const QString &scope, QWidget *parent = nullptr);

    int count(EmergencyRevocation::Item::Outcome outcome) const;

private:
    void showItem(const EmergencyRevocation::Item &item);
    void onFinished();

    EmergencyRevocation *m_revocation;
    QLabel *m_heading;
    QProgressBar *m_progress;
    QTreeWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_retry;
    QHash<qint64, QTreeWidgetItem *> m_items;
};

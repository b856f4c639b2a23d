// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlogwindow.h"

#include "appcontext.h"
#include "item/auditfiltermodel.h"
#include "item/auditlogmodel.h"
#include "store/workspacestore.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Appends after this long are verified together, so a burst of rotations costs one verification.
constexpr int AppendVerifyDelayMs = 300;

// The one colour not taken from the palette: a red that stays readable on the palette's own
// background, deep on light themes and light on dark ones.
QColor dangerColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return QColor::fromHsl(0, dark ? 255 : 200, dark ? 170 : 100);
}

// Keeps the items after `firstSorted` in alphabetical order as events bring new ones.
void insertSorted(QComboBox *combo, const QString &text, const QVariant &data, int firstSorted)
{
    int at = firstSorted;
    while (at < combo->count() && QString::localeAwareCompare(combo->itemText(at), text) < 0)
        ++at;
    combo->insertItem(at, text, data);
}

QDateTimeEdit *timeEdit(
    const QString &objectName, const QString &accessibleName, const QDateTime &value, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(value, parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    edit->setCalendarPopup(true);
    edit->setEnabled(false);
    return edit;
}

} // namespace

AuditLogWindow::AuditLogWindow(AppContext *context, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_context(context)
    , m_model(new AuditLogModel(context->store(), this))
    , m_proxy(new AuditFilterModel(this))
    , m_verifyTimer(new QTimer(this))
    , m_chainStatus(new QLabel(this))
    , m_verifyButton(new QPushButton(tr("&Verify Again"), this))
    , m_table(new QTableView(this))
    , m_exportMessage(new QLabel(this))
{
    setObjectName(u"auditLogWindow"_s);
    setWindowTitle(tr("Audit Log — %1").arg(QDir::toNativeSeparators(context->store()->path())));
    m_model->reload(); // the events so far; later ones arrive as appended rows
    m_proxy->setSourceModel(m_model);

    m_chainStatus->setObjectName(u"chainStatus"_s);
    m_chainStatus->setAccessibleName(tr("Hash chain status"));
    m_chainStatus->setWordWrap(true);
    m_chainStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chainStatus->setMargin(6);
    m_verifyButton->setObjectName(u"verifyButton"_s);
    m_verifyButton->setAccessibleName(tr("Verify the hash chain again"));
    m_verifyButton->setToolTip(tr("Check every entry of the audit log against its hash again (F5)"));
    m_verifyButton->setShortcut(QKeySequence::Refresh);
    connect(m_verifyButton, &QPushButton::clicked, this, [this] { scheduleVerification(0); });
    m_verifyTimer->setSingleShot(true);
    connect(m_verifyTimer, &QTimer::timeout, this, &AuditLogWindow::verifyChain);
    auto *chainRow = new QHBoxLayout;
    chainRow->addWidget(m_chainStatus, 1);
    chainRow->addWidget(m_verifyButton);

    m_table->setObjectName(u"auditTable"_s);
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditLogModel::TimeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);

    m_exportMessage->setObjectName(u"exportMessage"_s);
    m_exportMessage->setAccessibleName(tr("Export result"));
    m_exportMessage->setWordWrap(true);
    m_exportMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportMessage->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(chainRow);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_table, 1);
    layout->addWidget(createExportBar());
    layout->addWidget(m_exportMessage);

    auto *close = new QAction(tr("Close"), this);
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);

    // A view at the bottom of the log keeps following it as events arrive.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_table->verticalScrollBar();
        m_followTail = bar->value() == bar->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_table->scrollToBottom();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AuditLogWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AuditLogWindow::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuditLogWindow::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        noteEvents(first, last);
        if (!m_verifyTimer->isActive())
            scheduleVerification(AppendVerifyDelayMs);
    });

    noteEvents(0, m_model->rowCount() - 1);
    restoreState();
    updateCounts();
    updateAlarmStyles();
    // After the window has been shown: verifying 20k entries takes a noticeable moment.
    scheduleVerification(0);
}

AuditLogWindow::~AuditLogWindow()
{
    if (isVisible())
        saveState(); // destroyed with its parent, without a close
}

QWidget *AuditLogWindow::createFilterBar()
{
    auto *bar = new QWidget(this);
    const QDate today = QDate::currentDate();
    m_fromCheck = new QCheckBox(tr("&From:"), bar);
    m_fromCheck->setObjectName(u"fromCheck"_s);
    m_fromCheck->setAccessibleName(tr("Only events from a time on"));
    m_fromEdit = timeEdit(u"fromEdit"_s, tr("Events from"), today.startOfDay(), bar);
    m_toCheck = new QCheckBox(tr("&To:"), bar);
    m_toCheck->setObjectName(u"toCheck"_s);
    m_toCheck->setAccessibleName(tr("Only events up to a time"));
    m_toEdit = timeEdit(u"toEdit"_s, tr("Events up to"), today.endOfDay(), bar);
    for (auto [check, edit] : {std::pair(m_fromCheck, m_fromEdit), std::pair(m_toCheck, m_toEdit)}) {
        check->setToolTip(tr("Unchecked: any time"));
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(check, &QCheckBox::toggled, this, &AuditLogWindow::applyFilters);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &AuditLogWindow::applyFilters);
    }

    m_accountFilter = new QComboBox(bar);
    m_accountFilter->setObjectName(u"accountFilter"_s);
    m_accountFilter->setAccessibleName(tr("Account filter"));
    m_accountFilter->addItem(tr("All accounts"));
    m_tokenSearch = new QLineEdit(bar);
    m_tokenSearch->setObjectName(u"tokenSearchEdit"_s);
    m_tokenSearch->setAccessibleName(tr("Token filter"));
    m_tokenSearch->setPlaceholderText(tr("Token name or id"));
    m_tokenSearch->setClearButtonEnabled(true);
    auto *find = new QAction(tr("Find Token"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_tokenSearch, [this] {
        m_tokenSearch->setFocus(Qt::ShortcutFocusReason);
        m_tokenSearch->selectAll();
    });
    addAction(find);
    m_actionFilter = new QComboBox(bar);
    m_actionFilter->setObjectName(u"actionFilter"_s);
    m_actionFilter->setAccessibleName(tr("Action filter"));
    m_actionFilter->addItem(tr("All actions"));
    m_outcomeFilter = new QComboBox(bar);
    m_outcomeFilter->setObjectName(u"outcomeFilter"_s);
    m_outcomeFilter->setAccessibleName(tr("Outcome filter"));
    m_outcomeFilter->addItem(tr("All outcomes"));
    for (auto outcome : {AuditEvent::Outcome::Started, AuditEvent::Outcome::Succeeded, AuditEvent::Outcome::Failed,
             AuditEvent::Outcome::Skipped})
        m_outcomeFilter->addItem(AuditEvent::outcomeLabel(outcome), int(outcome));
    auto *clear = new QPushButton(tr("C&lear Filters"), bar);
    clear->setObjectName(u"clearFiltersButton"_s);
    clear->setAccessibleName(tr("Clear all filters"));
    connect(clear, &QPushButton::clicked, this, &AuditLogWindow::clearFilters);
    connect(m_tokenSearch, &QLineEdit::textChanged, this, &AuditLogWindow::applyFilters);
    for (QComboBox *combo : {m_accountFilter, m_actionFilter, m_outcomeFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &AuditLogWindow::applyFilters);

    // Two rows, so the window still fits a small screen.
    auto *layout = new QGridLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    int column = 0;
    for (QWidget *widget : std::initializer_list<QWidget *> {m_fromCheck, m_fromEdit, m_toCheck, m_toEdit})
        layout->addWidget(widget, 0, column++);
    auto *choices = new QHBoxLayout;
    for (QWidget *widget :
        std::initializer_list<QWidget *> {m_accountFilter, m_tokenSearch, m_actionFilter, m_outcomeFilter, clear})
        choices->addWidget(widget, widget == m_tokenSearch ? 1 : 0);
    layout->addLayout(choices, 1, 0, 1, column + 1);
    layout->setColumnStretch(column, 1);
    return bar;
}

QWidget *AuditLogWindow::createExportBar()
{
    auto *bar = new QWidget(this);
    m_countLabel = new QLabel(bar);
    m_countLabel->setObjectName(u"auditCountLabel"_s);
    m_exportScope = new QLabel(bar);
    m_exportScope->setObjectName(u"exportScopeLabel"_s);
    m_exportCsv = new QPushButton(tr("Export &CSV…"), bar);
    m_exportCsv->setObjectName(u"exportCsvButton"_s);
    m_exportCsv->setAccessibleName(tr("Export the events shown as CSV"));
    m_exportJson = new QPushButton(tr("Export &JSON…"), bar);
    m_exportJson->setObjectName(u"exportJsonButton"_s);
    m_exportJson->setAccessibleName(tr("Export the events shown as JSON"));
    for (QPushButton *button : {m_exportCsv, m_exportJson})
        button->setToolTip(tr("Write the events that pass the filters, oldest first, with their chain hashes"));
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExportFile(AuditExport::Format::Csv); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { chooseExportFile(AuditExport::Format::Json); });

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_countLabel);
    layout->addStretch(1);
    layout->addWidget(m_exportScope);
    layout->addWidget(m_exportCsv);
    layout->addWidget(m_exportJson);
    return bar;
}

void AuditLogWindow::noteEvents(int first, int last)
{
    // The filter choices are those present in the log, which outlives renamed and removed accounts.
    for (int row = first; row <= last; ++row) {
        const std::optional<AuditEvent> event = m_model->eventAt(row);
        if (!event)
            continue;
        if (!event->action.isEmpty() && m_actionFilter->findData(event->action) < 0)
            insertSorted(m_actionFilter, event->action, event->action, 1);
        if (m_accountFilter->findData(event->accountId) >= 0)
            continue;
        if (event->accountId == 0) {
            m_accountFilter->insertItem(1, tr("Workspace (no account)"), qint64(0));
            continue;
        }
        QString name = event->accountName.isEmpty() ? tr("Account #%1").arg(event->accountId) : event->accountName;
        if (m_accountFilter->findText(name) >= 0)
            name = tr("%1 (#%2)").arg(name).arg(event->accountId); // a removed account's namesake
        insertSorted(m_accountFilter, name, event->accountId, m_accountFilter->findData(qint64(0)) >= 0 ? 2 : 1);
    }
}

void AuditLogWindow::applyFilters()
{
    // The "to" edit shows whole seconds; an event later within the shown second still belongs.
    m_proxy->setTimeRange(m_fromCheck->isChecked() ? m_fromEdit->dateTime() : QDateTime(),
        m_toCheck->isChecked() ? m_toEdit->dateTime().addMSecs(999) : QDateTime());
    const QVariant account = m_accountFilter->currentData();
    m_proxy->setAccountFilter(account.isValid() ? std::optional(account.toLongLong()) : std::nullopt);
    m_proxy->setTokenText(m_tokenSearch->text());
    m_proxy->setActionFilter(m_actionFilter->currentData().toString());
    const QVariant outcome = m_outcomeFilter->currentData();
    m_proxy->setOutcomeFilter(
        outcome.isValid() ? std::optional(static_cast<AuditEvent::Outcome>(outcome.toInt())) : std::nullopt);
    updateCounts();
}

void AuditLogWindow::clearFilters()
{
    m_fromCheck->setChecked(false);
    m_toCheck->setChecked(false);
    m_accountFilter->setCurrentIndex(0);
    m_tokenSearch->clear();
    m_actionFilter->setCurrentIndex(0);
    m_outcomeFilter->setCurrentIndex(0);
}

void AuditLogWindow::updateCounts()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_countLabel->setText(
        shown == total ? tr("%n event(s)", nullptr, total) : tr("%1 of %n event(s)", nullptr, total).arg(shown));
    m_exportScope->setText(shown == total ? tr("Export writes all events shown, oldest first:")
                                          : tr("Export writes only the filtered events shown, oldest first:"));
    m_exportCsv->setEnabled(shown > 0);
    m_exportJson->setEnabled(shown > 0);
}

void AuditLogWindow::scheduleVerification(int delayMs)
{
    if (delayMs == 0) {
        m_chainStatus->setText(tr("Verifying the hash chain…"));
        m_verifyButton->setEnabled(false);
    }
    m_verifyTimer->start(delayMs);
}

void AuditLogWindow::verifyChain()
{
    const AuditChain::Verification result = m_context->store()->verifyAudit();
    m_chainBroken = !result.intact;
    if (result.intact) {
        const int entries = static_cast<int>(result.rowsChecked);
        m_chainStatus->setText(tr("Hash chain verified: %n entries intact", nullptr, entries));
    } else if (result.brokenAtId != 0) {
        m_chainStatus->setText(tr("Hash chain BROKEN at entry #%1: %2").arg(result.brokenAtId).arg(result.problem));
    } else {
        m_chainStatus->setText(tr("Hash chain BROKEN: %1").arg(result.problem));
    }
    m_chainStatus->setToolTip(result.intact ? tr("Every entry matches its hash and the workspace's record of the end.")
                                            : tr("The audit log was changed outside TokenDesk. Keep a copy of the "
                                                 "workspace file and compare it with an earlier export."));
    m_verifyButton->setEnabled(true);
    updateAlarmStyles();
    Q_EMIT chainVerified(result.intact);
}

void AuditLogWindow::updateAlarmStyles()
{
    const QPalette base = palette();
    const QColor danger = dangerColor(base);
    QColor tint = danger; // over the window's own background, as a translucent band
    tint.setAlpha(40);
    const auto style = [&](QLabel *label, bool alarm, bool filled) {
        QPalette p = base;
        if (alarm) {
            p.setColor(QPalette::WindowText, danger);
            if (filled)
                p.setColor(QPalette::Window, tint);
        }
        label->setPalette(p);
        label->setAutoFillBackground(alarm && filled);
        QFont font = label->font();
        font.setBold(alarm);
        label->setFont(font);
    };
    style(m_chainStatus, m_chainBroken, true);
    style(m_exportMessage, m_exportFailed, false);
}

void AuditLogWindow::chooseExportFile(AuditExport::Format format)
{
    const bool csv = format == AuditExport::Format::Csv;
    const QString suffix = csv ? u"csv"_s : u"json"_s;
    auto *chooser = new QFileDialog(this, csv ? tr("Export Audit Log as CSV") : tr("Export Audit Log as JSON"));
    chooser->setObjectName(u"exportFileDialog"_s);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setNameFilter(csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    chooser->setDefaultSuffix(suffix);
    const QDir folder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    chooser->selectFile(
        folder.filePath(u"tokendesk-audit-%1.%2"_s.arg(QDate::currentDate().toString(u"yyyyMMdd"_s), suffix)));
    connect(chooser, &QFileDialog::fileSelected, this, [this, format](const QString &path) { exportTo(path, format); });
    chooser->open();
}

bool AuditLogWindow::exportTo(const QString &path, AuditExport::Format format)
{
    const QList<AuditEvent> events = m_proxy->events();
    const QByteArray bytes = AuditExport::format(format, events);
    const QString shownPath = QDir::toNativeSeparators(path);
    // QSaveFile writes beside the target and renames on commit: a full disk or a failed write
    // leaves no half export behind, and an existing file as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showExportMessage(
            tr("Could not export to %1: %2. Nothing was written.").arg(shownPath, file.errorString()), true);
        return false;
    }
    const int count = static_cast<int>(events.size());
    showExportMessage(tr("Exported %n event(s) to %1.", nullptr, count).arg(shownPath), false);
    Q_EMIT exported(path, count);
    return true;
}

void AuditLogWindow::showExportMessage(const QString &text, bool problem)
{
    m_exportFailed = problem;
    m_exportMessage->setText(text);
    m_exportMessage->show();
    updateAlarmStyles();
}

void AuditLogWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateAlarmStyles(); // light and dark themes want different reds
}

void AuditLogWindow::restoreState()
{
    QSettings settings;
    settings.beginGroup(u"auditLogWindow"_s);
    if (!restoreGeometry(settings.value(u"geometry"_s).toByteArray()))
        resize(1100, 640);
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.value(u"tableHeader"_s).toByteArray()))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void AuditLogWindow::saveState() const
{
    QSettings settings;
    settings.beginGroup(u"auditLogWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"tableHeader"_s, m_table->horizontalHeader()->saveState());
}

void AuditLogWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QWidget::closeEvent(event);
}

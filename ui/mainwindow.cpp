// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appcontext.h"
#include "appsettings.h"
#include "dialogs/accountdialog.h"
#include "dialogs/auditlogwindow.h"
#include "dialogs/policyeditordialog.h"
#include "dialogs/settingsdialog.h"
#include "domain/clock.h"
#include "icons.h"
#include "item/accountlistmodel.h"
#include "item/timelinemodel.h"
#include "item/tokensortfiltermodel.h"
#include "item/tokentableloader.h"
#include "item/tokentablemodel.h"
#include "mainwindowchrome.h"
#include "refreshround.h"
#include "rotationengine.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"
#include "tokenactions.h"
#include "traynotifier.h"
#include "views/accountdelegate.h"
#include "views/emptystatewidget.h"
#include "views/timelineview.h"
#include "views/tokenbadgedelegate.h"
#include "views/tokendetailspanel.h"
#include "views/tokenfilterbar.h"
#include "workspacesync.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_store(context->store())
    , m_tokenModel(new TokenTableModel(context->store(), context->clock(), this))
    , m_proxy(new TokenSortFilterModel(this))
    , m_accountModel(new AccountListModel(context->store(), context->clock(), this))
    , m_badges(new TokenBadgeDelegate(this))
    , m_loader(new TokenTableLoader(context->store(), m_tokenModel, this))
    , m_refresh(new RefreshRound(context, this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("TokenDesk — %1").arg(QDir::toNativeSeparators(m_store->path())));
    setWindowIcon(Icons::application());
    // A small workspace is read at once; a large one on a worker thread while the window shows.
    const bool inBackground = m_store->tokenCount() > SynchronousLoadLimit;
    if (!inBackground) {
        m_initialTokens = m_store->tokens();
        m_tokenModel->reload(m_initialTokens);
    }
    m_accountModel->reload(m_initialTokens);
    m_proxy->setSourceModel(m_tokenModel);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createAccountPane());
    m_splitter->addWidget(createTokenPane());
    m_details = new TokenDetailsPanel(context, m_splitter);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({220, 820, 380});
    setCentralWidget(m_splitter);
    createTimelineDock();

    m_countLabel->setObjectName(u"tokenCountLabel"_s);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->setObjectName(u"statusBar"_s);
    statusBar()->showMessage(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_store->path())));

    createActions();
    QAction *timeline = m_timelineDock->toggleViewAction();
    timeline->setObjectName(u"timelineAction"_s);
    timeline->setIcon(Icons::action(u"timeline"_s));
    timeline->setText(tr("&Timeline"));
    timeline->setShortcut(QKeySequence(u"Ctrl+T"_s));
    const MainWindowChrome::Actions chrome {m_addAccountAction, m_refreshAction, m_editPolicyAction, m_auditLogAction,
        timeline, m_settingsAction, m_quitAction, m_tokenActions};
    MainWindowChrome::createMenus(this, chrome);
    MainWindowChrome::createToolBars(this, chrome, m_filters);
    connect(m_emptyState, &EmptyStateWidget::addAccountRequested, this, &MainWindow::showAddAccountDialog);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_tokenModel, signal, this, &MainWindow::updateContentPage);
    connect(m_tokenModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateContentPage);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateContentPage);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateContentPage);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateContentPage);
    connect(m_store, &WorkspaceStore::accountAdded, this, &MainWindow::updateContentPage);
    connect(m_store, &WorkspaceStore::accountRemoved, this, &MainWindow::updateContentPage);
    connect(m_filters, &TokenFilterBar::filtersChanged, this, &MainWindow::updateContentPage);
    connect(m_refresh, &RefreshRound::accountChecked, m_accountModel, &AccountListModel::setHealth);
    connect(m_refresh, &RefreshRound::finished, this, [this](const QString &summary) {
        m_refreshAction->setEnabled(true);
        showStatus(summary);
    });
    connect(m_loader, &TokenTableLoader::finished, this, &MainWindow::onLoaded);
    connect(m_context->engine(), &RotationEngine::finished, this, &MainWindow::updateFailedTokens);
    connect(
        m_details, &TokenDetailsPanel::editPolicyRequested, this, [this](qint64 tokenId) { editPolicy({tokenId}); });

    // Ages, due states and "due within" move with the clock.
    auto *minute = new QTimer(this);
    minute->setInterval(std::chrono::minutes(1));
    connect(minute, &QTimer::timeout, this, [this] {
        m_tokenModel->refreshTimeColumns();
        m_accountModel->refreshCounts(m_tokenModel->dueStates());
        m_filters->apply();
    });
    minute->start();

    if (inBackground)
        m_loader->start();
    restoreState();
    updateFailedTokens();
    updateContentPage();
}

void MainWindow::onLoaded(const QString &error)
{
    if (!error.isEmpty())
        showStatus(tr("Reading the workspace in the background failed (%1); it was read directly.").arg(error));
    m_accountModel->refreshCounts(m_tokenModel->dueStates());
    updateFailedTokens();
    updateContentPage();
    // The timeline is not needed for the first look; it follows in the next turn.
    QTimer::singleShot(0, this, [this] { m_timelineModel->reload(m_tokenModel->tokens()); });
}

MainWindow::~MainWindow() = default;

void MainWindow::createTimelineDock()
{
    m_timelineModel = new TimelineModel(m_store, m_context->clock(), this);
    m_timelineModel->setDays(AppSettings().timelineDays());
    if (!m_loader->isLoading() && !m_initialTokens.isEmpty())
        m_timelineModel->reload(m_initialTokens);
    m_initialTokens.clear();
    auto *timeline = new TimelineView(m_timelineModel, this);
    connect(timeline, &TimelineView::tokenActivated, this, &MainWindow::selectToken);
    m_timelineDock = new QDockWidget(tr("Timeline"), this);
    m_timelineDock->setObjectName(u"timelineDock"_s);
    m_timelineDock->setWidget(timeline);
    m_timelineDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_timelineDock);
}

QWidget *MainWindow::createAccountPane()
{
    m_accountList = new QListView(this);
    m_accountList->setObjectName(u"accountList"_s);
    m_accountList->setAccessibleName(tr("Accounts"));
    m_accountList->setModel(m_accountModel);
    m_accountList->setItemDelegate(new AccountDelegate(m_accountList));
    m_accountList->setUniformItemSizes(true);
    m_accountList->setMinimumWidth(180);
    m_accountList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_accountList->setCurrentIndex(m_accountModel->index(0));
    connect(m_accountList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_proxy->setAccountFilter(selectedAccountId());
        m_tokenActions->selectionChanged();
        updateContentPage();
    });
    connect(m_accountModel, &QAbstractItemModel::modelReset, this, [this] {
        m_accountList->setCurrentIndex(
            m_accountModel->index(std::max(0, m_accountModel->rowOfAccount(m_proxy->accountFilter()))));
    });
    connect(m_accountList, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(m_accountList);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(m_refreshAction);
        menu->addSeparator();
        menu->addAction(
            selectedAccountId() != 0 ? m_tokenActions->revokeAccountAction() : m_tokenActions->revokeAllAction());
        menu->popup(m_accountList->viewport()->mapToGlobal(pos));
    });
    return m_accountList;
}

QWidget *MainWindow::createTokenPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filters = new TokenFilterBar(m_proxy, m_context->clock(), pane);

    m_tokenTable = new QTableView(pane);
    m_tokenTable->setObjectName(u"tokenTable"_s);
    m_tokenTable->setAccessibleName(tr("Tokens"));
    m_tokenTable->setModel(m_proxy);
    m_tokenTable->setItemDelegateForColumn(TokenTableModel::StateColumn, m_badges);
    m_tokenTable->setItemDelegateForColumn(TokenTableModel::DueInColumn, m_badges);
    m_tokenTable->setSortingEnabled(true);
    m_tokenTable->sortByColumn(TokenTableModel::NameColumn, Qt::AscendingOrder);
    m_tokenTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokenTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tokenTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tokenTable->setAlternatingRowColors(true);
    m_tokenTable->setWordWrap(false);
    m_tokenTable->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    m_tokenTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_tokenTable->verticalHeader()->setDefaultSectionSize(m_tokenTable->fontMetrics().height() + 8);
    m_tokenTable->horizontalHeader()->setStretchLastSection(true);
    m_tokenTable->horizontalHeader()->setSectionsMovable(true);
    m_tokenTable->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_emptyState = new EmptyStateWidget(pane);
    m_stack = new QStackedWidget(pane);
    m_stack->setObjectName(u"contentStack"_s);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tokenTable);
    layout->addWidget(m_stack, 1);
    return pane;
}

void MainWindow::createActions()
{
    m_addAccountAction = new QAction(Icons::action(u"add-account"_s), tr("&Add Account…"), this);
    m_addAccountAction->setObjectName(u"addAccountAction"_s);
    m_addAccountAction->setShortcut(QKeySequence(u"Ctrl+Shift+A"_s));
    connect(m_addAccountAction, &QAction::triggered, this, &MainWindow::showAddAccountDialog);

    m_refreshAction = new QAction(Icons::action(u"refresh"_s, u"view-refresh"_s), tr("&Refresh"), this);
    m_refreshAction->setObjectName(u"refreshAction"_s);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Read every account's tokens from its provider again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshAll);

    m_tokenActions = new TokenActions(
        m_context, this, [this] { return selectedTokenIds(); },
        [this](const QString &message) { showStatus(message); });
    m_tokenActions->setSelectedAccount([this] { return selectedAccountId(); });
    m_tokenActions->setClipboardClearSeconds([] { return AppSettings().clipboardClearSeconds(); });
    connect(m_tokenTable->selectionModel(), &QItemSelectionModel::selectionChanged, m_tokenActions,
        &TokenActions::selectionChanged);
    connect(m_tokenTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::onCurrentTokenChanged);

    m_editPolicyAction = new QAction(Icons::action(u"policy"_s), tr("Edit &Policy…"), this);
    m_editPolicyAction->setObjectName(u"editPolicyAction"_s);
    m_editPolicyAction->setShortcut(QKeySequence(u"Ctrl+E"_s));
    m_editPolicyAction->setToolTip(tr("Edit the rotation policy of the selected tokens (Ctrl+E)"));
    connect(m_editPolicyAction, &QAction::triggered, this, [this] { editPolicy(selectedTokenIds()); });
    connect(m_tokenTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { m_editPolicyAction->setEnabled(!selectedTokenIds().isEmpty()); });
    m_editPolicyAction->setEnabled(false);

    m_auditLogAction = new QAction(Icons::action(u"audit-log"_s), tr("Audit &Log"), this);
    m_auditLogAction->setObjectName(u"auditLogAction"_s);
    m_auditLogAction->setShortcut(QKeySequence(u"Ctrl+L"_s));
    m_auditLogAction->setToolTip(tr("Every rotation and revocation step, with its hash chain (Ctrl+L)"));
    connect(m_auditLogAction, &QAction::triggered, this, &MainWindow::showAuditLog);

    m_settingsAction = new QAction(Icons::action(u"settings"_s), tr("&Settings…"), this);
    m_settingsAction->setObjectName(u"settingsAction"_s);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    if (m_settingsAction->shortcut().isEmpty())
        m_settingsAction->setShortcut(QKeySequence(u"Ctrl+,"_s));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, [this] {
        m_quitting = true;
        close();
    });

    auto *focusSearch = new QAction(tr("Find"), this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, this, [this] {
        m_filters->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filters->searchEdit()->selectAll();
    });
    addAction(focusSearch);
    auto *focusAccounts = new QAction(tr("Accounts"), this);
    focusAccounts->setShortcut(QKeySequence(u"Ctrl+1"_s));
    connect(focusAccounts, &QAction::triggered, this, [this] { m_accountList->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusAccounts);
    auto *focusTokens = new QAction(tr("Tokens"), this);
    focusTokens->setShortcut(QKeySequence(u"Ctrl+2"_s));
    connect(focusTokens, &QAction::triggered, this, [this] { m_tokenTable->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusTokens);
    auto *focusDetails = new QAction(tr("Details"), this);
    focusDetails->setShortcut(QKeySequence(u"Ctrl+3"_s));
    connect(focusDetails, &QAction::triggered, this, [this] { m_details->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusDetails);

    m_tokenTable->addActions({m_tokenActions->rotateAction(), m_tokenActions->planAction(), m_editPolicyAction});
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_tokenTable->addAction(separator);
    m_tokenTable->addAction(m_tokenActions->revokeAction());
}

qint64 MainWindow::selectedAccountId() const
{
    return m_accountList ? m_accountList->currentIndex().data(AccountListModel::AccountIdRole).toLongLong() : 0;
}

QList<qint64> MainWindow::selectedTokenIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_tokenTable->selectionModel()->selectedRows())
        ids << row.data(TokenTableModel::TokenIdRole).toLongLong();
    return ids;
}

void MainWindow::selectToken(qint64 tokenId)
{
    int sourceRow = m_tokenModel->rowOfToken(tokenId);
    if (sourceRow < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_tokenModel->index(sourceRow, TokenTableModel::NameColumn));
    if (!index.isValid()) {
        m_accountList->setCurrentIndex(m_accountModel->index(0));
        m_filters->clear();
        index = m_proxy->mapFromSource(m_tokenModel->index(sourceRow, TokenTableModel::NameColumn));
    }
    m_tokenTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tokenTable->scrollTo(index);
    raise();
    activateWindow();
}

void MainWindow::onCurrentTokenChanged()
{
    const QModelIndex current = m_tokenTable->selectionModel()->currentIndex();
    m_details->setTokenId(current.isValid() ? current.data(TokenTableModel::TokenIdRole).toLongLong() : 0);
}

void MainWindow::updateFailedTokens()
{
    const QSet<qint64> failed = RotationStore(m_store).tokensWithFailedRotation();
    m_badges->setFailedTokens(failed);
    m_filters->setFailedTokens(failed);
    m_tokenTable->viewport()->update();
}

void MainWindow::updateContentPage()
{
    if (m_loader->isLoading()) {
        m_stack->setCurrentWidget(m_tokenTable);
        m_countLabel->setText(tr("Loading tokens…"));
        return;
    }
    const int total = m_tokenModel->rowCount();
    const int shown = m_proxy->rowCount();
    m_emptyState->setAccountCount(static_cast<int>(m_store->accounts().size()));
    m_stack->setCurrentWidget(total == 0 ? static_cast<QWidget *>(m_emptyState) : m_tokenTable);
    m_countLabel->setText(
        shown == total ? tr("%n token(s)", nullptr, total) : tr("%1 of %n token(s)", nullptr, total).arg(shown));
}

void MainWindow::showAddAccountDialog()
{
    auto *dialog = new AccountDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A new account's tokens appear without a separate Refresh.
    connect(dialog, &AccountDialog::accountAdded, this, [this](const Account &account) {
        if (WorkspaceSync::canList(account.kind))
            m_refresh->add(account.id);
    });
    dialog->open();
}

void MainWindow::refreshAll()
{
    QString summary;
    if (m_refresh->start(&summary))
        m_refreshAction->setEnabled(false);
    showStatus(summary);
}

void MainWindow::editPolicy(const QList<qint64> &tokenIds)
{
    if (tokenIds.isEmpty())
        return;
    auto *dialog = new PolicyEditorDialog(m_context, tokenIds, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PolicyEditorDialog::policyApplied, this, [this](const QList<qint64> &changed) {
        const int count = int(changed.size());
        showStatus(tr("Policy saved for %n token(s).", nullptr, count));
    });
    dialog->open();
}

void MainWindow::showAuditLog()
{
    if (!m_auditLog) {
        auto *window = new AuditLogWindow(m_context, this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        connect(window, &AuditLogWindow::chainVerified, this, [this](bool intact) {
            if (!intact)
                showStatus(tr("Warning: the audit log's hash chain is broken; see the Audit Log window."));
        });
        m_auditLog = window;
    }
    // show() leaves a minimised window minimised.
    m_auditLog->setWindowState(m_auditLog->windowState() & ~Qt::WindowMinimized);
    m_auditLog->show();
    m_auditLog->raise();
    m_auditLog->activateWindow();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::settingsChanged, this, [this] {
        m_timelineModel->setDays(AppSettings().timelineDays());
        m_timelineModel->reload();
    });
    dialog->open();
}

void MainWindow::setTrayNotifier(TrayNotifier *notifier)
{
    m_tray = notifier;
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message);
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray());
    QMainWindow::restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"mainWindow/splitter"_s).toByteArray());
    if (!m_tokenTable->horizontalHeader()->restoreState(
            settings.value(u"mainWindow/tokenTableHeader"_s).toByteArray())) {
        // First start: room for names, narrow columns for the short values.
        m_tokenTable->setColumnWidth(TokenTableModel::NameColumn, 170);
        for (int column : {TokenTableModel::ProviderColumn, TokenTableModel::AccountColumn})
            m_tokenTable->setColumnWidth(column, 110);
        for (int column : {TokenTableModel::StateColumn, TokenTableModel::AgeColumn, TokenTableModel::ExpiresColumn})
            m_tokenTable->setColumnWidth(column, 80);
        m_tokenTable->setColumnWidth(TokenTableModel::VersionColumn, 56);
        m_tokenTable->setColumnWidth(TokenTableModel::NextRotationColumn, 130);
        m_tokenTable->setColumnWidth(TokenTableModel::DueInColumn, 100);
    }
    m_filters->restoreState();
    const qint64 account = settings.value(u"mainWindow/account"_s, 0).toLongLong();
    const int accountRow = m_accountModel->rowOfAccount(account);
    m_accountList->setCurrentIndex(m_accountModel->index(std::max(0, accountRow)));
    if (!settings.contains(u"mainWindow/geometry"_s))
        resize(1360, 780);
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, QMainWindow::saveState());
    settings.setValue(u"mainWindow/splitter"_s, m_splitter->saveState());
    settings.setValue(u"mainWindow/tokenTableHeader"_s, m_tokenTable->horizontalHeader()->saveState());
    settings.setValue(u"mainWindow/account"_s, selectedAccountId());
    m_filters->saveState();
    m_details->saveState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    // Minimised to the tray, TokenDesk keeps running so scheduled rotations happen.
    if (!m_quitting && m_tray && m_tray->shouldHideOnClose()) {
        hide();
        event->ignore();
        m_tray->announceHiddenToTray();
        return;
    }
    if (m_auditLog)
        m_auditLog->close(); // its own window would otherwise keep TokenDesk running
    event->accept();
}

package io.admlops.workers.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Temporal's Web UI (the version the dev server bundles, 2.42) in the default namespace, used
 * the way a person uses it: typing into its forms, pressing its buttons, reading its pages.
 * Every step that a walkthrough shows saves a screenshot under the name it is given.
 */
final class TemporalUi {

  /** The read-only JSON views of the workflow's page: input, result, memo, query result. */
  private static final String JSON_VIEW_CSS = ".cm-content[aria-readonly='true']";
  private static final By JSON_EDITOR = By.cssSelector(".cm-content[contenteditable='true']");
  private static final By REMOVE_COLUMN =
      By.cssSelector("button[aria-label^='Remove '][aria-label$=' column']");
  private static final String HEADER_CELL = "workflows-summary-table-header-cell-";

  private final HeadlessChromium browser;
  private final String namespace;

  TemporalUi(HeadlessChromium browser, String uiUrl) {
    this.browser = browser;
    this.namespace = uiUrl + "/namespaces/default";
  }

  /**
   * Fills the Start Workflow form, saves it as {@code screenshot}, submits it and waits for
   * the UI to say the workflow started.
   *
   * @return the input as the form's editor holds it, parsed
   */
  JsonNode startWorkflow(String workflowId, String taskQueue, String workflowType,
      JsonNode input, String screenshot) throws IOException {
    browser.open(namespace + "/workflows/start-workflow");
    browser.visible(By.id("workflowId")).sendKeys(workflowId);
    browser.visible(By.id("taskQueue")).sendKeys(taskQueue);
    browser.visible(By.id("workflowType")).sendKeys(workflowType);
    JsonNode typed = type(input);
    // The editor lays its JSON out anew when it loses focus, which moves the button below it.
    browser.visible(By.tagName("h1")).click();
    ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
    browser.screenshot(screenshot);
    button("Start Workflow").click();
    browser.visible(By.xpath("//*[normalize-space()='Workflow started successfully']"));
    return typed;
  }

  /**
   * The workflows list with its table set to show {@code columns}, in the order the UI keeps
   * (its own columns first, then search attributes as they were added): one map per row from
   * column to the cell's text, in the list's order.
   */
  List<Map<String, String>> workflows(List<String> columns, String screenshot)
      throws IOException {
    browser.open(namespace + "/workflows");
    clickUntilShown(By.cssSelector("[data-testid='workflows-summary-table-configuration-button']"),
        By.id("workflows-table-configuration-drawer"));
    List<String> shown = new ArrayList<>();
    for (WebElement remove : browser.driver().findElements(REMOVE_COLUMN)) {
      String label = remove.getAttribute("aria-label");
      shown.add(label.substring("Remove ".length(), label.length() - " column".length()));
    }
    // Looked up anew for every click: the drawer renders its lists again after each one.
    for (String column : shown) {
      if (!columns.contains(column)) {
        browser.visible(columnButton("Remove", column)).click();
      }
    }
    for (String column : columns) {
      if (!shown.contains(column)) {
        browser.visible(columnButton("Add", column)).click();
      }
    }
    browser.visible(By.cssSelector("[data-testid='drawer-close-button']")).click();
    browser.visible(By.cssSelector("button[aria-label='Collapse saved views']")).click();
    browser.visible(By.cssSelector("[data-testid='" + HEADER_CELL
        + columns.get(columns.size() - 1) + "']"));
    List<Map<String, String>> rows = browser.waitUntil(HeadlessChromium.PATIENCE,
        "rows in the workflows table", d -> {
          List<Map<String, String>> listed = table();
          return listed.isEmpty() ? null : listed;
        });
    browser.screenshot(screenshot);
    return rows;
  }

  /** The workflows table's rows, each from column header to the cell's text. */
  private List<Map<String, String>> table() {
    List<String> headers = new ArrayList<>();
    for (WebElement header : browser.driver().findElements(
        By.cssSelector("[data-testid^='" + HEADER_CELL + "']"))) {
      headers.add(header.getAttribute("data-testid").substring(HEADER_CELL.length()));
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (WebElement row : browser.driver().findElements(
        By.cssSelector("[data-testid='workflows-summary-configurable-table-row']"))) {
      List<WebElement> cells = row.findElements(
          By.cssSelector("[data-testid='workflows-summary-table-body-cell']"));
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < Math.min(headers.size(), cells.size()); i++) {
        values.put(headers.get(i), cells.get(i).getText().strip());
      }
      rows.add(values);
    }
    return rows;
  }

  private static By columnButton(String action, String column) {
    return By.cssSelector("button[aria-label='" + action + " " + column + " column']");
  }

  /**
   * Opens the workflow's page, waits until its header shows {@code status} (Running,
   * Completed, ...) and saves the page as {@code screenshot}.
   */
  void expectStatus(String workflowId, String status, String screenshot) throws IOException {
    browser.open(namespace + "/workflows/" + workflowId);
    browser.visible(By.xpath("//header//span[normalize-space()='" + status + "']"));
    browser.screenshot(screenshot);
  }

  /** The result of a closed workflow as its page shows it beside the input. */
  JsonNode result(String workflowId, String screenshot) throws IOException {
    browser.open(namespace + "/workflows/" + workflowId);
    JsonNode result = browser.waitUntil(HeadlessChromium.PATIENCE,
        "the input and the result of " + workflowId, d -> {
          List<WebElement> shown = d.findElements(
              By.cssSelector("[data-testid='input-and-result'] " + JSON_VIEW_CSS));
          return shown.size() == 2 ? json(shown.get(1)) : null;
        });
    browser.screenshot(screenshot);
    return result;
  }

  /** The JSON a tab of the workflow's page shows: "search-attributes", "memo", ... */
  JsonNode tab(String workflowId, String tab, String screenshot) throws IOException {
    openTab(workflowId, tab);
    JsonNode shown = shownJson();
    browser.screenshot(screenshot);
    return shown;
  }

  /** Runs a query from the workflow's Queries tab and returns its result. */
  JsonNode query(String workflowId, String queryType, String screenshot) throws IOException {
    openTab(workflowId, "queries");
    choose("query-select", queryType);
    button("Run Query").click();
    JsonNode result = shownJson();
    browser.screenshot(screenshot);
    return result;
  }

  /**
   * Sends a signal from the workflow's "Send a Signal" form, saving the filled form as
   * {@code screenshot}, and waits for the UI to confirm it.
   */
  void signal(String workflowId, String signalName, JsonNode input, String screenshot)
      throws IOException {
    browser.open(namespace + "/workflows/" + workflowId);
    browser.visible(By.cssSelector("button[aria-controls='workflow-actions']")).click();
    browser.visible(By.cssSelector("[data-testid='signal-button']")).click();
    // The UI lists the signals the workflow defines, as its worker reports them.
    choose("signal-select", signalName);
    type(input);
    browser.screenshot(screenshot);
    button("Submit").click();
    browser.visible(By.xpath("//*[normalize-space()='Workflow signaled.']"));
  }

  private void openTab(String workflowId, String tab) {
    browser.open(namespace + "/workflows/" + workflowId);
    browser.visible(By.cssSelector("[data-testid='" + tab + "-tab']")).click();
  }

  /**
   * Types JSON into the form's editor as a person would, on one line; the editor closes
   * brackets and quotes itself and skips over the ones typed after. Returns what the editor
   * then holds, parsed, so a caller sees whether the form got what was meant.
   */
  private JsonNode type(JsonNode input) throws JsonProcessingException {
    WebElement editor = browser.visible(JSON_EDITOR);
    editor.click();
    editor.sendKeys(Mappers.json().writeValueAsString(input));
    return json(editor);
  }

  /** Picks {@code option} from one of the UI's drop-down lists, e.g. "signal-select". */
  private void choose(String list, String option) {
    clickUntilShown(By.cssSelector("[data-testid='" + list + "-button']"),
        By.id(list + "-select"));
    browser.visible(By.xpath("//ul[@id='" + list + "-select']/li[@role='option']"
        + "[.//span[normalize-space()='" + option + "']]")).click();
  }

  /**
   * Clicks {@code target} until {@code shown} appears: a page that is still loading its data
   * may render the control anew and lose a click made in between.
   */
  private void clickUntilShown(By target, By shown) {
    browser.waitUntil(HeadlessChromium.PATIENCE, shown + " after a click on " + target, d -> {
      if (d.findElements(shown).stream().anyMatch(WebElement::isDisplayed)) {
        return true;
      }
      d.findElements(target).stream().filter(WebElement::isDisplayed).findFirst()
          .ifPresent(WebElement::click);
      return false;
    });
  }

  private WebElement button(String text) {
    return browser.visible(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  /** The JSON of the first read-only view shown, once it is whole. */
  private JsonNode shownJson() {
    return browser.waitUntil(HeadlessChromium.PATIENCE, "a JSON view", d -> d.findElements(
        By.cssSelector(JSON_VIEW_CSS)).stream().filter(WebElement::isDisplayed).findFirst()
        .map(TemporalUi::json).orElse(null));
  }

  /** The JSON an editor or view shows; null while it is not (yet) valid JSON. */
  private static JsonNode json(WebElement view) {
    try {
      return Mappers.json().readTree(view.getText());
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}

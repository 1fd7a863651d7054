package vn.ntm.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through chromedriver, with nothing downloaded. When
 * Chromium is missing the browser tests are skipped, unless
 * {@code NTM_REQUIRE_BROWSER=true} (as in {@code .ci/run}), in which case they fail.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	final WebDriver driver;

	final String base;

	final WebDriverWait wait;

	private Browser(WebDriver driver, String base) {
		this.driver = driver;
		this.base = base;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	static Browser open(int port, int width, int height) {
		boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!present && "true".equals(System.getenv("NTM_REQUIRE_BROWSER"))) {
			throw new IllegalStateException(
					"Chromium and chromedriver are required (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
		}
		Assumptions.assumeTrue(present, "Debian chromium and chromium-driver are not installed: browser tests skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// the pages ask before they act (data-confirm): a test that does not look at the
		// question answers yes
		options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--lang=vi-VN", "--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		return new Browser(driver, "http://localhost:" + port);
	}

	Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	Browser login(String username, String password) {
		go("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	WebElement waitFor(By by) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Scrolls the element to the middle of the window and clicks it. */
	void click(WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		try {
			wait.until(ExpectedConditions.elementToBeClickable(element)).click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			// headless Chromium sometimes computes a point outside the viewport for
			// <summary>
			((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
		}
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	void waitForText(String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
	}

	/** Keeps a picture of the page under target/screenshots for people to look at. */
	void screenshot(String name) {
		try {
			Path dir = Path.of("target/screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (Exception ignored) {
			// a missing picture fails nothing
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}

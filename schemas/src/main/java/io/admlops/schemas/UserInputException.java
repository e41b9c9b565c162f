package io.admlops.schemas;

/**
 * A problem the person running admlops caused and can fix: a bad flag, a malformed file, a
 * database address that answers nobody. The message alone must tell them what and where
 * (the file and line or field, the address, what was expected); the command line prints it
 * as one line, without a stack trace.
 */
public class UserInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

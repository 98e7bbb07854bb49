package io.beliefnet.signing;

/** The belief network the signing tests sign for, and a check of signatures made for it. */
public final class TestNetwork {

  public static final String ID = "test-network";
  public static final SignatureCheck CHECK = new SignatureCheck(ID);

  private TestNetwork() {}
}

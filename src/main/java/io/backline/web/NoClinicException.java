package io.backline.web;

/** The signed-in account is not a member of exactly one clinic, so nothing clinic-owned may be shown. */
public class NoClinicException extends RuntimeException {
    public NoClinicException() {
        super("The signed-in account does not belong to a clinic");
    }
}

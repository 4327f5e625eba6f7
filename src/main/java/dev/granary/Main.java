package dev.granary;

public final class Main {
    public static void main(String[] args) {
        System.out.println("granary");
    }
}
